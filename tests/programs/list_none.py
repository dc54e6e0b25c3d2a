"""Lists that may be None (an attribute set on first use, a function returning a list or None) and pop on an empty list."""

import os
import sys

if __name__ == "__main__":  # untranslated: make the repository's rlib importable
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

from rlib.rarith import r_uint


class Box(object):
    def __init__(self):
        self.items = None

    def add(self, x):
        if self.items is None:
            self.items = []
        self.items.append(x)


def maybe(n):
    if n > 100:
        return None
    return [n, n + 1]


def showi(items):
    parts = []
    for x in items:
        parts.append(str(x))
    return "[" + ", ".join(parts) + "]"


def safe_pop(l):
    try:
        s = l.pop()
    except IndexError:
        s = "<empty>"
    return s


def entry_point(argv):
    n = len(argv)
    b = Box()
    print(b.items is None, b.items == None)
    b.add(3)
    b.add(4)
    print(b.items is None, b.items == None, b.items != None, showi(b.items))
    m = maybe(n)
    print(m == None, m != None, m is not None)
    m2 = maybe(n + 200)
    print(m2 == None, m2 is None, m == m2)
    u = r_uint(1)
    l = [10, 20, 30]
    print(l[u], l[True])
    l[u] = 21
    print(showi(l))
    grid = [[0] * 3 for i in range(3)]
    grid[1][2] = 5
    grid[2][0] += 7
    print(showi(grid[1]), showi(grid[2]), grid[1][2] + grid[2][0])
    pairs = [(n, "x")] * 3
    pairs[1] = (9, "y")
    print(pairs[0][0], pairs[1][1], pairs[2][1], len(pairs))
    nones = []
    nones.append(None)
    nones.append(None)
    print(len(nones), nones[0] is None, nones.pop() is None, len(nones))
    empty = []
    print(len(empty), showi(empty))
    strs = ["a", "b"]
    print(safe_pop(strs), safe_pop(strs), safe_pop(strs))
    fx = [1, 2]
    acc = [0]
    acc += fx
    acc += acc
    print(showi(acc))
    del acc[-1]
    del acc[0]
    print(showi(acc))
    acc.insert(False, 99)
    print(showi(acc))
    cnt = 0
    for row in grid:
        for x in row:
            if x in (5, 7):
                cnt += 1
    print(cnt)
    t = (1, 2, 3)
    z = list(t) + [4]
    print(showi(z), z == [1, 2, 3, 4])
    w = [n] * (n + 2)
    w[-1] = 8
    print(showi(w), w.count(n))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
