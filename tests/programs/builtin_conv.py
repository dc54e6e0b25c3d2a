"""Conversion built-ins side by side: int, float, str, bool, chr, ord and
list, each on the kinds of value it accepts, including round trips."""

import sys


def entry_point(argv):
    print("int: %d %d %d %d %d" % (int(7), int(-7.9), int("  -12 "), int(True), int(3.999)))
    print("float: %s %s %s %s" % (str(float(3)), str(float("2.5")), str(float(-0)), str(float("1e-3"))))
    print("str: [%s] [%s] [%s] [%s] [%s]" % (str(42), str(-0.25), str(False), str("s"), str(None)))
    print("bool: %s %s %s %s %s %s" % (str(bool(0)), str(bool(3)), str(bool("")), str(bool("0")),
                                        str(bool(0.0)), str(bool([1]))))
    print("chr: %s%s%s, ord: %d %d %d" % (chr(76), chr(97), chr(116), ord("L"), ord("~"), ord("\t")))
    letters = list("hello")
    letters.reverse()
    print("list(str): %d items, reversed %s" % (len(letters), "".join(letters)))
    nums = list(range(5))
    nums.append(99)
    print("list(range(5)) + append: %d items, last %d" % (len(nums), nums[-1]))
    copy = list(nums)
    copy[0] = -1
    print("list(list) copies: %d vs %d" % (nums[0], copy[0]))
    for n in [0, 1, -1, 255, 123456]:
        back = int(str(n))
        print("int(str(%d)) == %d: %s" % (n, n, str(back == n)))
    for f in [0.5, -2.25, 1e100]:
        print("float(str(%s)) round trips: %s" % (str(f), str(float(str(f)) == f)))
    codes = []
    for c in "RPy":
        codes.append(ord(c))
    text = ""
    for code in codes:
        text += chr(code + 1)
    print("shifted: " + text)
    print("bool of int from str: %s" % str(bool(int("0"))))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
