# An inherited method called on a receiver whose class the annotator first
# saw as one subclass, then as their base (items of a list that later gets
# another subclass): several method descs of one function, one target.
import sys


class Node(object):
    def set_position(self, a):
        self.pos = a

    def describe(self):
        return "node at %d" % self.pos


class A(Node):
    def __init__(self):
        self.pos = 0


class B(Node):
    def __init__(self):
        self.pos = 0

    def describe(self):
        return "b at %d" % self.pos


class Holder(object):
    def __init__(self):
        self.items = []


def fill(h):
    h.items.append(B())


def entry_point(argv):
    h = Holder()
    h.items.append(A())
    for node in h.items:
        node.set_position(len(argv) + 4)
    fill(h)
    for k in range(len(h.items)):
        h.items[k].set_position(k * 10)
        print(h.items[k].describe())
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
