"""Exceptions crossing frames: raised in a callee and caught two and three
frames up, intermediate frames' code after the call skipped, recursion
unwound by an exception, and a handler in the middle re-entering."""

import sys


class Found(Exception):
    def __init__(self, value, depth):
        self.value = value
        self.depth = depth


class Log(object):
    def __init__(self):
        self.lines = []


LOG = Log()


def level3(x):
    LOG.lines.append("enter 3")
    if x > 10:
        raise ValueError("too big")
    LOG.lines.append("leave 3")
    return x * 2


def level2(x):
    LOG.lines.append("enter 2")
    r = level3(x) + 1
    LOG.lines.append("leave 2")
    return r


def level1(x):
    try:
        return level2(x)
    except ValueError:
        LOG.lines.append("caught in 1")
        return -1


def search(node, target, depth):
    if node == target:
        raise Found(node * 100, depth)
    if node > 40:
        return
    search(node * 2, target, depth + 1)
    search(node * 2 + 1, target, depth + 1)


def find(target):
    try:
        search(1, target, 0)
    except Found as f:
        return "found %d -> %d at depth %d" % (target, f.value, f.depth)
    return "no %d" % target


def entry_point(argv):
    print("level1(3) = %d" % level1(3))
    print("level1(30) = %d" % level1(30))
    print(" / ".join(LOG.lines))
    for t in [1, 5, 13, 37, 99]:
        print(find(t))
    count = 0
    for i in range(8, 14):
        try:
            level2(i)
            count += 1
        except ValueError:
            count += 100
    print("count %d" % count)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
