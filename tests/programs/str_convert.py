"""Conversions to and from str: str() of ints, floats, bools, None and
strings; int() and float() of strings; invalid literals raise ValueError,
caught, with CPython's message."""

import sys


def to_int(s):
    try:
        return int(s)
    except ValueError:
        return -1


def entry_point(argv):
    print(str(0) + str(-1) + str(123456789))
    print(str(1.0) + " " + str(-0.5) + " " + str(1e20))
    print(str(True) + " " + str(False) + " " + str(None))
    print(str("text") + str(""))
    numbers = ["12", "-7", "x", "3.5", "", " 8 ", "99999"]
    total = 0
    for s in numbers:
        v = to_int(s)
        print("to_int('%s') = %d" % (s, v))
        if v > 0:
            total += v
    print("total of positive: %d" % total)
    for bad in ["x", "", "1e5", "0b101"]:
        try:
            int(bad)
        except ValueError as e:
            print(str(e))
    for s in ["2.5", "-1e-3", "7"]:
        f = float(s)
        print("float('%s') * 2 = %s" % (s, str(f * 2)))
    try:
        float("2,5")
    except ValueError as e:
        print(str(e))
    n = 12345
    s = str(n)
    digit_sum = 0
    for c in s:
        digit_sum += int(c)
    print("digit sum of %s: %d" % (s, digit_sum))
    print("len(str(2**40)) = %d" % len(str(2 ** 40)))
    print("str(int('42')) == '42': %s" % str(str(int("42")) == "42"))
    print("float(str(1.5)) + 1 = %s" % str(float(str(1.5)) + 1))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
