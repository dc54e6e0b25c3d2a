"""Division by zero: `//`, `%` and `/` on ints raise ZeroDivisionError,
caught locally, in a caller, and with the message printed."""

import sys


def safe_floordiv(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return -999


def safe_mod(a, b):
    try:
        return a % b
    except ZeroDivisionError:
        return -998


def ratio(a, b):
    return a / b


def average(items):
    total = 0
    for x in items:
        total += x
    return total // len(items)


def entry_point(argv):
    for b in [3, 0, -3]:
        print("17 // %d -> %d, 17 %% %d -> %d" % (b, safe_floordiv(17, b), b, safe_mod(17, b)))
    try:
        print("ratio %s" % str(ratio(1, 4)))
        print("ratio %s" % str(ratio(1, 0)))
    except ZeroDivisionError:
        print("true division by zero caught")
    try:
        print("average %d" % average([4, 8, 15, 16, 23, 42]))
        print("average %d" % average([]))
    except ZeroDivisionError:
        print("average of nothing caught")
    zero = len(argv) - len(argv)
    try:
        print(100 // zero)
    except ZeroDivisionError as e:
        print("message: " + str(e))
    try:
        print(100 % zero)
    except ZeroDivisionError as e:
        print("message: " + str(e))
    count = 0
    for d in range(-3, 4):
        try:
            count += 60 // d
        except ZeroDivisionError:
            count += 1000
    print("sum of 60 // d for d in -3..3 (1000 for zero): %d" % count)
    try:
        x = 5
        x //= zero
        print("not reached %d" % x)
    except ArithmeticError:
        print("caught as ArithmeticError")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
