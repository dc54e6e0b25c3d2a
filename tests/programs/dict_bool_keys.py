"""Dicts with bool keys: lookups, iteration of the keys (stored as ints,
printed as True/False) and the KeyError text of a missing bool key."""

import sys


def entry_point(argv):
    d = {}
    t = len(argv) > 0
    f = len(argv) > 100
    d[t] = 1
    d[f] = 2
    print(d[True], d[False], d.get(t, 0), f in d, len(d))
    del d[f]
    print(f in d, d.pop(t, 9), len(d))
    print(d[True])
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
