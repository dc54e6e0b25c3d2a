"""Tuples: multiple return values, unpacking, swapping, tuples in lists,
enumerate, and tuple dictionary keys."""

import sys


def divmod_pos(a, b):
    return a // b, a % b


def min_max(items):
    lo = items[0]
    hi = items[0]
    for x in items:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return (lo, hi)


def fib_pair(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a, b


def entry_point(argv):
    q, r = divmod_pos(47, 5)
    print("47 = 5 * %d + %d" % (q, r))
    lo, hi = min_max([5, -3, 12, 8, 0])
    print("min %d max %d" % (lo, hi))
    a, b = fib_pair(30)
    print("fib 30, 31: %d %d" % (a, b))
    x = 1
    y = 2
    x, y = y, x
    print("swapped: %d %d" % (x, y))
    pairs = [("one", 1), ("two", 2), ("three", 3)]
    total = 0
    for name, value in pairs:
        total += value * len(name)
    print("weighted: %d" % total)
    for i, (name, value) in enumerate(pairs):
        print("%d: %s=%d" % (i, name, value))
    point = (3, 4)
    print("point: %d %d, len %d" % (point[0], point[1], len(point)))
    seen = {}
    for p in [(1, 2), (2, 1), (1, 2), (3, 3)]:
        seen[p] = seen.get(p, 0) + 1
    print("(1, 2) seen %d times, %d distinct" % (seen[(1, 2)], len(seen)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
