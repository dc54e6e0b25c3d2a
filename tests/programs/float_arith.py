"""Float arithmetic: true division of ints and floats, floor division and
modulo of floats with negative operands, mixed int/float operations,
comparisons, and float division by zero caught."""

import sys


def fdiv(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return -1.0


def describe(a, b):
    print("%s / %s = %s, // = %s, %% = %s" % (str(a), str(b), str(a / b), str(a // b), str(a % b)))


def entry_point(argv):
    print(7 / 2)
    print(-7 / 2)
    print(6 / 3)
    print(1 / 8)
    describe(7.5, 2.0)
    describe(-7.5, 2.0)
    describe(7.5, -2.0)
    describe(-7.5, -2.0)
    describe(1.0, 0.1)
    describe(5.0, 3.0)
    print("fdiv(1.0, 0.0) = %s" % str(fdiv(1.0, 0.0)))
    print("fdiv(3.0, 4.0) = %s" % str(fdiv(3.0, 4.0)))
    zero = 0.0
    try:
        print(5.0 // zero)
    except ZeroDivisionError as e:
        print("floor division: " + str(e))
    try:
        print(5.0 % zero)
    except ZeroDivisionError as e:
        print("modulo: " + str(e))
    izero = len(argv) - 1
    try:
        print(5 / izero)
    except ZeroDivisionError as e:
        print("true division: " + str(e))
    n = 3
    f = 0.5
    print(n + f)
    print(n * f)
    print(n - f)
    print(f - n)
    print(n / f)
    print(2 * 1.5 == 3)
    print(0.1 + 0.2 == 0.3)
    print(1.0 < 2)
    print(-0.0 == 0.0)
    acc = 0.0
    for i in range(1, 101):
        acc += 1.0 / i
    print("harmonic(100) = %s" % str(acc))
    prod = 1.0
    for i in range(1, 21):
        prod *= i
    print("20! as float = %s" % str(prod))
    x = 10.0
    x -= 0.5
    x *= 3.0
    x /= 4.0
    print("augmented: %s" % str(x))
    print("abs: %s %s, min %s, max %s" % (str(abs(-2.5)), str(abs(2.5)), str(min(1.5, -1.5)), str(max(0.1, 0.2))))
    print("negation: %s %s" % (str(-f), str(-(-f))))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
