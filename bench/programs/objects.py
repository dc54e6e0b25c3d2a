"""Object-heavy benchmark: binary trees of small instances, walked through
methods that subclasses override.

    python3 bench/programs/objects.py [N]

Builds one long-lived tree of depth 14, then N times (default 600) builds
a fresh tree of depth 12 (8,191 instances), walks it with `check()` and
`count()` -- called through the base class `Node`, overridden by `Leaf`
and `Branch` -- and drops it.  The work per round is constant, so the
running time is linear in N.  Prints integer checksums;
bench/programs/objects.cpp computes the same.
"""

import sys

LONG_DEPTH = 14
DEPTH = 12


class Node(object):
    def __init__(self, item):
        self.item = item

    def check(self):
        return self.item

    def count(self):
        return 1


class Leaf(Node):
    def check(self):
        return self.item & 15


class Branch(Node):
    def __init__(self, item, left, right):
        Node.__init__(self, item)
        self.left = left
        self.right = right

    def check(self):
        return (self.item & 255) + 2 * self.left.check() - self.right.check()

    def count(self):
        return 1 + self.left.count() + self.right.count()


def make(item, depth):
    if depth == 0:
        return Leaf(item)
    return Branch(item, make(2 * item, depth - 1), make(2 * item + 1, depth - 1))


def entry_point(argv):
    n = 600
    if len(argv) > 1:
        n = int(argv[1])
    long_lived = make(1, LONG_DEPTH)
    total = 0
    for i in range(n):
        tree = make(i, DEPTH)
        total += tree.check() * 3 + tree.count()
    print("%d trees of depth %d: checksum %d" % (n, DEPTH, total))
    print("long-lived tree of depth %d: %d nodes, check %d"
          % (LONG_DEPTH, long_lived.count(), long_lived.check()))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
