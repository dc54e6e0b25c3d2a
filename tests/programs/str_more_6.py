"""String operations, conversions and formatting corner cases (written with
the str lowering; each line was checked against CPython)."""

import sys


def show(t):
    return "%s=%d (%.1f)" % t


def entry_point(argv):
    n = len(argv)
    t = ("x" * n, n, n * 1.5)
    if n > 0:
        print("%r %d %s" % t)
    print(show(t))
    print(show(("y", 2, 0.25)))
    print("%s" % (t,))
    print("%s|%s" % (t, [t]))
    print(str((1.5, "a", 'b', True, [1], {"k": n})))
    print(str(()))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
