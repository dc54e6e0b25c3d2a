"""Prebuilt instances: constant objects made at translation time (a unit
table, a chain of prebuilt nodes, an instance of each subclass), read and
compared by identity at run time, mixed with instances made at run time."""

import sys


class Unit(object):
    def __init__(self, name, factor):
        self.name = name
        self.factor = factor

    def to_base(self, amount):
        return amount * self.factor

    def system(self):
        return "none"


class Metric(Unit):
    def system(self):
        return "metric"


class Imperial(Unit):
    def system(self):
        return "imperial"


class Node(object):
    def __init__(self, label, next):
        self.label = label
        self.next = next


MM = Metric("mm", 1)
CM = Metric("cm", 10)
M = Metric("m", 1000)
INCH = Imperial("in", 25)
FOOT = Imperial("ft", 305)
UNITS = [MM, CM, M, INCH, FOOT]

CHAIN = Node("a", Node("b", Node("c", None)))
DEFAULT_UNIT = CM


def find_unit(name):
    for u in UNITS:
        if u.name == name:
            return u
    return DEFAULT_UNIT


def entry_point(argv):
    for u in UNITS:
        print("%s (%s): 3 -> %d mm" % (u.name, u.system(), u.to_base(3)))
    u = find_unit("ft")
    print("found ft: same object %s" % str(u is FOOT))
    d = find_unit("furlong")
    print("unknown falls back to %s, is default %s" % (d.name, str(d is DEFAULT_UNIT)))
    custom = Metric("km", 1000000)
    print("custom %s is prebuilt: %s" % (custom.name, str(custom is M)))
    labels = []
    n = CHAIN
    while n is not None:
        labels.append(n.label)
        n = n.next
    print("chain: " + "->".join(labels))
    extended = Node("z", CHAIN)
    print("extended head %s, second %s" % (extended.label, extended.next.label))
    total = 0
    for name, amount in [("m", 2), ("cm", 5), ("in", 4), ("x", 1)]:
        total += find_unit(name).to_base(amount)
    print("total mm: %d" % total)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
