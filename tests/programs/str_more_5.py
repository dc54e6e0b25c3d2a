"""String operations, conversions and formatting corner cases (written with
the str lowering; each line was checked against CPython)."""

import sys


def entry_point(argv):
    n = len(argv)
    t3 = (n, None, "z", 'c')
    print(t3)
    print("%s %s %s %s" % t3)
    print("%r|%s" % ((n, None), None))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
