"""Prebuilt data made at translation time: instances, a table of
instances, tuples, and a mutable singleton that holds run-time state
(module globals are constants in RPy, so state lives in an instance)."""

import sys


class Color(object):
    def __init__(self, name, r, g, b):
        self.name = name
        self.r = r
        self.g = g
        self.b = b

    def brightness(self):
        return (299 * self.r + 587 * self.g + 114 * self.b) // 1000


RED = Color("red", 255, 0, 0)
GREEN = Color("green", 0, 255, 0)
BLUE = Color("blue", 0, 0, 255)
GREY = Color("grey", 128, 128, 128)
PALETTE = [RED, GREEN, BLUE, GREY]
BY_NAME = {}
for _c in PALETTE:
    BY_NAME[_c.name] = _c

# (mnemonic, arity) per opcode, indexed by opcode number.
OPCODES = [("nop", 0), ("push", 1), ("pop", 0), ("jump", 1), ("call", 2)]
ARITY = [arity for (_name, arity) in OPCODES]


class Stats(object):
    """The one mutable global: a prebuilt instance."""

    def __init__(self):
        self.lookups = 0
        self.misses = 0


STATS = Stats()


def find(name):
    STATS.lookups += 1
    if name in BY_NAME:
        return BY_NAME[name]
    STATS.misses += 1
    return None


def entry_point(argv):
    for c in PALETTE:
        print("%s: brightness %d" % (c.name, c.brightness()))
    for name in ["blue", "purple", "grey", "red", "black"]:
        c = find(name)
        if c is None:
            print("%s: unknown" % name)
        else:
            print("%s: rgb(%d, %d, %d)" % (name, c.r, c.g, c.b))
    print("lookups %d, misses %d" % (STATS.lookups, STATS.misses))
    for i in range(len(OPCODES)):
        mnemonic, arity = OPCODES[i]
        print("%d %s/%d (%d)" % (i, mnemonic, arity, ARITY[i]))
    GREY.r = 10
    print("grey is now %d" % find("grey").brightness())
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
