"""Mutable prebuilt singletons: module globals are constants in RPy, so
run-time state lives in attributes of prebuilt instances (a config, a
statistics object, an interning table handing out ids)."""

import sys


class Config(object):
    def __init__(self):
        self.verbose = False
        self.level = 1
        self.name = "default"


class Stats(object):
    def __init__(self):
        self.calls = 0
        self.total = 0
        self.history = []


class Interner(object):
    def __init__(self):
        self.table = {}
        self.names = []

    def intern(self, s):
        if s in self.table:
            return self.table[s]
        n = len(self.names)
        self.table[s] = n
        self.names.append(s)
        return n


CONFIG = Config()
STATS = Stats()
SYMBOLS = Interner()


def record(x):
    STATS.calls += 1
    STATS.total += x
    if CONFIG.verbose:
        STATS.history.append(x)


def entry_point(argv):
    for i in range(5):
        record(i)
    CONFIG.verbose = True
    CONFIG.level = 3
    for i in range(5, 8):
        record(i * CONFIG.level)
    print("calls %d total %d history %d" % (STATS.calls, STATS.total, len(STATS.history)))
    parts = []
    for h in STATS.history:
        parts.append(str(h))
    print("history: " + " ".join(parts))
    CONFIG.name = "custom-" + str(CONFIG.level)
    print("config: %s verbose %s level %d" % (CONFIG.name, str(CONFIG.verbose), CONFIG.level))
    ids = []
    for w in "a b a c b a d".split():
        ids.append(str(SYMBOLS.intern(w)))
    print("interned ids: " + " ".join(ids))
    print("symbols: " + ",".join(SYMBOLS.names))
    print("id of c: %d" % SYMBOLS.intern("c"))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
