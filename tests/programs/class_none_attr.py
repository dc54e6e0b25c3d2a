"""None-able instance attributes: an optional parent link, an optional
cached string, an attribute that starts as None and is filled later,
and methods that check for None before following a link."""

import sys


class Employee(object):
    def __init__(self, name, boss):
        self.name = name
        self.boss = boss
        self.title = None
        self.cached_chain = None

    def chain(self):
        if self.cached_chain is not None:
            return self.cached_chain
        parts = []
        e = self
        while e is not None:
            parts.append(e.name)
            e = e.boss
        self.cached_chain = " <- ".join(parts)
        return self.cached_chain

    def depth(self):
        if self.boss is None:
            return 0
        return 1 + self.boss.depth()

    def display_title(self):
        if self.title is None:
            return "(no title)"
        return self.title


def entry_point(argv):
    ceo = Employee("ceo", None)
    cto = Employee("cto", ceo)
    dev = Employee("dev", cto)
    intern = Employee("intern", dev)
    ceo.title = "chief"
    dev.title = "engineer"
    staff = [ceo, cto, dev, intern]
    for e in staff:
        print("%-6s depth %d title %s chain %s" % (e.name, e.depth(), e.display_title(), e.chain()))
    print("cached: %s" % intern.chain())
    intern.boss = cto
    intern.cached_chain = None
    print("after reorg: %s (depth %d)" % (intern.chain(), intern.depth()))
    print("ceo has a boss: %s" % str(ceo.boss is not None))
    cto.title = None
    print("cto title reset: %s" % cto.display_title())
    top = intern
    while top.boss is not None:
        top = top.boss
    print("top: " + top.name)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
