"""Tuples holding None: built, indexed, unpacked and tested with is None."""

import sys


def f(n):
    return (None, n)


def entry_point(argv):
    t = f(len(argv))
    print(t[1], t[0] is None)
    a, b = t
    print(b, a is None)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
