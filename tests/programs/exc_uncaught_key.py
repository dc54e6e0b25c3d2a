"""An uncaught KeyError from a dict lookup with a str key, after a caught
one with an int key: the last traceback line is `KeyError: 'gamma'` (the
repr of the key) and the exit status is 1."""

import sys


def build():
    d = {}
    d["alpha"] = 1
    d["beta"] = 2
    return d


def squares():
    d = {}
    for i in range(5):
        d[i] = i * i
    return d


def entry_point(argv):
    sq = squares()
    try:
        print(sq[7])
    except KeyError as e:
        print("caught KeyError " + str(e))
    d = build()
    for k in ["alpha", "beta"]:
        print("%s = %d" % (k, d[k]))
    print("looking up gamma")
    print(d["gamma"])
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
