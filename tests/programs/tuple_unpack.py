"""Tuple unpacking: in assignments, in for loops over lists of tuples and
over dict items, nested tuples, enumerate with a tuple target, tuples
as (immutable) records passed around, len() and indexing of tuples."""

import sys


def midpoint(p, q):
    return ((p[0] + q[0]) // 2, (p[1] + q[1]) // 2)


def entry_point(argv):
    point = (3, 4)
    x, y = point
    print("x %d y %d, len %d" % (x, y, len(point)))
    segment = ((0, 0), (10, 6))
    (x1, y1), (x2, y2) = segment
    print("from (%d, %d) to (%d, %d)" % (x1, y1, x2, y2))
    mx, my = midpoint(segment[0], segment[1])
    print("midpoint (%d, %d)" % (mx, my))
    records = [("ann", 3, 1.5), ("bob", 1, 2.25), ("cy", 2, 0.5)]
    for name, qty, price in records:
        print("%s: %d x %s" % (name, qty, str(price)))
    for i, (name, qty, price) in enumerate(records):
        print("#%d %s" % (i, name))
    totals = {}
    for name, qty, price in records:
        totals[name] = qty * price
    for name, total in totals.items():
        print("%s total %s" % (name, str(total)))
    nested = [(1, (2, 3)), (4, (5, 6))]
    acc = 0
    for a, (b, c) in nested:
        acc += a * b * c
    print("nested sum %d" % acc)
    first, second = "ab"
    print("from a string: %s %s" % (first, second))
    p, q = [10, 20]
    print("from a list: %d %d" % (p, q))
    t = (1, "one", 1.0)
    print("t[0] %d t[1] %s t[2] %s t[-1] %s" % (t[0], t[1], str(t[2]), str(t[-1])))
    empty = ()
    print("empty tuple len %d" % len(empty))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
