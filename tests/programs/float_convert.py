"""float <-> int and float <-> str: int() truncates toward zero, float()
of ints and of strings (signs, exponents, whitespace, inf), bad strings
raise ValueError, comparisons between ints and floats."""

import sys


def parse_float(s):
    try:
        return float(s)
    except ValueError:
        return -1.0


def entry_point(argv):
    for f in [0.0, 0.9, -0.9, 1.5, -1.5, 2.5, 1e15, -1e15, 4503599627370497.0]:
        print("int(%s) = %d" % (str(f), int(f)))
    for n in [0, 1, -1, 3, 1000000, 9007199254740993, -9223372036854775807]:
        print("float(%d) = %s" % (n, str(float(n))))
    for s in ["1.5", "-2.25", "+3", "1e3", "1E-3", "  42.0  ", ".5", "5.", "-0.0", "inf", "-inf", "1_000.5"]:
        print("float('%s') = %s" % (s, str(float(s))))
    for s in ["", "abc", "1.2.3", "1e", "--1", "0x10"]:
        print("float('%s') -> %s" % (s, str(parse_float(s))))
    try:
        float("not a number")
    except ValueError as e:
        print("ValueError: " + str(e))
    try:
        int(float("inf"))
    except OverflowError as e:
        print("OverflowError: " + str(e))
    try:
        int(float("nan"))
    except ValueError as e:
        print("ValueError: " + str(e))
    print("round trip: %s" % str(float(str(0.1)) == 0.1))
    print("3 == 3.0: %s, 3 < 3.5: %s, -1 > -1.5: %s" % (str(3 == 3.0), str(3 < 3.5), str(-1 > -1.5)))
    # Rounding half away from zero, by hand.
    for f in [0.5, 1.5, 2.5, -0.5, -2.5, 2.4999]:
        if f >= 0.0:
            r = int(f + 0.5)
        else:
            r = -int(-f + 0.5)
        print("round_half_away(%s) = %d" % (str(f), r))
    total = 0
    for i in range(10):
        total += int(i * 0.7)
    print("sum of int(i * 0.7): %d" % total)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
