"""Mutating lists: append, pop() and pop(i) (also negative i), insert at
the front, middle, end and past the end, del l[i] and del l[-1],
remove, item assignment, and the length after each step."""

import sys


def show(label, items):
    parts = []
    for x in items:
        parts.append(str(x))
    print("%-14s len %d: [%s]" % (label, len(items), ", ".join(parts)))


def entry_point(argv):
    xs = []
    show("empty", xs)
    for i in range(6):
        xs.append(i * 10)
    show("appended", xs)
    last = xs.pop()
    show("pop() -> %d" % last, xs)
    first = xs.pop(0)
    show("pop(0) -> %d" % first, xs)
    mid = xs.pop(1)
    show("pop(1) -> %d" % mid, xs)
    neg = xs.pop(-2)
    show("pop(-2) -> %d" % neg, xs)
    xs.insert(0, -1)
    show("insert(0)", xs)
    xs.insert(2, 99)
    show("insert(2)", xs)
    xs.insert(len(xs), 7)
    show("insert(end)", xs)
    xs.insert(100, 8)
    show("insert(100)", xs)
    xs.insert(-1, 5)
    show("insert(-1)", xs)
    xs.insert(-100, 6)
    show("insert(-100)", xs)
    del xs[0]
    show("del [0]", xs)
    del xs[-1]
    show("del [-1]", xs)
    del xs[1]
    show("del [1]", xs)
    xs.remove(99)
    show("remove(99)", xs)
    xs.append(30)
    xs.append(30)
    xs.remove(30)
    show("remove(30)", xs)
    xs[0] = 1000
    xs[-1] = -1000
    show("assigned", xs)
    while len(xs) > 0:
        xs.pop()
    show("drained", xs)
    strs = ["b", "c"]
    strs.insert(0, "a")
    strs.append("d")
    del strs[1]
    print("strs: " + "".join(strs))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
