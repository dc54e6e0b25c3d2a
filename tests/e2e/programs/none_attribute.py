"""Reads an attribute of an instance that is None at run time (accepted by
the annotator: `node` may be None). CPython raises AttributeError; the
translated program must not die with a bare signal: it prints what it had
printed, then a clear fatal error, and exits 1 (never run on CPython by the
differential test)."""

import sys


class Node(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next


def last_value(node, steps):
    for i in range(steps):
        node = node.next
    return node.value


def entry_point(argv):
    chain = Node(1, Node(2, None))
    print("before")
    print(last_value(chain, 1))
    print(last_value(chain, len(argv) + 2))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
