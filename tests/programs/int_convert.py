"""int() of strings (signs, surrounding whitespace, underscores), of bools
and of floats (truncation toward zero); str() of ints; bad literals raise
ValueError, caught."""

import sys


def parse_or(s, default):
    try:
        return int(s)
    except ValueError:
        return default


def entry_point(argv):
    for s in ["0", "42", "-17", "+8", "  123  ", "1_000_000", "007", "-0",
              "9223372036854775807", "-9223372036854775808"]:
        print("int(%s) = %d" % (s, int(s)))
    for s in ["", "x", "12a", "1.5", "--3", " ", "0x10", "1 2", "_1"]:
        print("int('%s') -> %d" % (s, parse_or(s, -1)))
    try:
        int("forty-two")
    except ValueError as e:
        print("ValueError: " + str(e))
    for f in [3.7, -3.7, 0.5, -0.5, 1e10, -2.0, 123456.999]:
        print("int(%s) = %d" % (str(f), int(f)))
    print("int(True) = %d, int(False) = %d" % (int(True), int(False)))
    for n in [0, 7, -7, 1000000, -9223372036854775807]:
        s = str(n)
        print("str(%d) = '%s' (len %d), round trip %s" % (n, s, len(s), str(int(s) == n)))
    total = 0
    for word in "10 20 x 30 -5 y".split(" "):
        total += parse_or(word, 0)
    print("sum of numeric words: %d" % total)
    digits = "31415926535"
    value = 0
    for c in digits:
        value = value * 10 + (ord(c) - ord("0"))
    print("by hand: %d, by int(): %d" % (value, int(digits)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
