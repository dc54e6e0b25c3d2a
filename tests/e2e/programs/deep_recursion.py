"""Unbounded recursion not caught: translated, it must end like CPython's
RecursionError (traceback, exit status 1), never with a crash."""

import sys


def down(n):
    return down(n + 1) + 1


def entry_point(argv):
    print(down(0))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
