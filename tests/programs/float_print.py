"""Printing floats: str() and print() give the shortest repr that round
trips, fixed notation for exponents in (-4, 16], exponent notation
otherwise, and -0.0, inf, nan spelled as CPython does."""

import sys

VALUES = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 2.5, -2.5, 100.0, 1e15, 1e16,
          1e17, 1.5e16, 123456789012345.0, 1234567890123456.0,
          12345678901234567.0, 1e-4, 1e-5, 1.5e-7, 0.0001234, 3.14159,
          1e22, 1e100, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308,
          0.5, 0.25, 0.125, 1e-10, 6.02214076e23, 9.999999999999999e15]


def entry_point(argv):
    for v in VALUES:
        print(v)
    for v in VALUES:
        print("str: " + str(v) + " neg: " + str(-v))
    third = 1.0 / 3.0
    print(third)
    print(2.0 / 3.0)
    print(1 / 3)
    print(10 / 4)
    print(0.1 + 0.2)
    print(1.1 * 1.1)
    print(100.0 / 7.0)
    x = 1.0
    for i in range(20):
        x = x * 10.0
        print(x)
    y = 1.0
    for i in range(8):
        y = y / 10.0
        print(y)
    big = 1e308
    inf = big * 10.0
    print(inf)
    print(-inf)
    nan = inf - inf
    print(nan)
    print("sum of tenths: " + str(0.1 + 0.1 + 0.1 + 0.1 + 0.1 + 0.1 + 0.1 + 0.1 + 0.1 + 0.1))
    print(float(7))
    print(float(-123456789))
    print(float(2 ** 53 + 1))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
