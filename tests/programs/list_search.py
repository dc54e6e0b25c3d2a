"""Searching lists: index, count, `in` / `not in` on lists of ints, strs
and chars; index and remove of a missing item raise ValueError (caught);
min and max of two values; a linear search by hand."""

import sys


def position(items, x):
    try:
        return items.index(x)
    except ValueError:
        return -1


def find_last(items, x):
    i = len(items) - 1
    while i >= 0:
        if items[i] == x:
            return i
        i -= 1
    return -1


def entry_point(argv):
    xs = [4, 8, 15, 16, 23, 42, 8, 4, 8]
    for x in [4, 8, 42, 7]:
        print("%d: index %d, last %d, count %d, in %s, not in %s" % (
            x, position(xs, x), find_last(xs, x), xs.count(x), str(x in xs), str(x not in xs)))
    names = ["ann", "bob", "cy", "bob"]
    print("bob at %d, count %d, dan in %s" % (names.index("bob"), names.count("bob"), str("dan" in names)))
    chars = []
    for c in "hello":
        chars.append(c)
    print("l at %d, count %d, z in %s" % (chars.index("l"), chars.count("l"), str("z" in chars)))
    try:
        xs.remove(1000)
    except ValueError:
        print("remove of a missing item: ValueError")
    try:
        names.index("zed")
    except ValueError:
        print("index of a missing item: ValueError")
    empty = []
    for i in range(0):
        empty.append(i)
    print("count in empty %d, in %s" % (empty.count(3), str(3 in empty)))
    best = xs[0]
    worst = xs[0]
    for x in xs:
        best = max(best, x)
        worst = min(worst, x)
    print("max %d min %d" % (best, worst))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
