"""len, abs, min, max: len of strs, lists, dicts and tuples; abs of ints
(up to -MAXINT) and floats (-0.0 included); min and max of
two and of several arguments, of ints, floats and strs, and of a list."""

import sys


def entry_point(argv):
    print("len: %d %d %d %d %d" % (len(""), len("abc"), len([1, 2, 3, 4]), len({"a": 1}), len((1, 2))))
    xs = []
    for i in range(7):
        xs.append(i)
    print("len after appends: %d" % len(xs))
    for v in [0, 5, -5, -9223372036854775807]:
        print("abs(%d) = %d" % (v, abs(v)))
    for f in [0.0, -0.0, 2.5, -2.5, -1e300]:
        print("abs(%s) = %s" % (str(f), str(abs(f))))
    print("min(3, 7) = %d, max(3, 7) = %d" % (min(3, 7), max(3, 7)))
    print("min(-3, 7, 0, -9, 4) = %d, max = %d" % (min(-3, 7, 0, -9, 4), max(-3, 7, 0, -9, 4)))
    print("min of floats %s, max %s" % (str(min(2.5, -1.5, 0.0)), str(max(2.5, -1.5, 0.0))))
    print("min of mixed int/float %s" % str(min(2, 1.5)))
    print("min/max of strs: %s %s" % (min("pear", "apple", "fig"), max("pear", "apple", "fig")))
    data = [31, -4, 15, 92, -65, 35]
    print("min(list) = %d, max(list) = %d" % (min(data), max(data)))
    words = ["kiwi", "banana", "apple"]
    print("min(words) = %s, max(words) = %s" % (min(words), max(words)))
    print("max of equal: %d" % max(4, 4))
    spread = max(data) - min(data)
    print("spread: %d, abs of difference: %d" % (spread, abs(data[1] - data[3])))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
