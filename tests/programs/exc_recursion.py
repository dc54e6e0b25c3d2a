"""Unbounded recursion raises RecursionError (a RuntimeError) instead of
crashing: caught by its own class, then by its base class; the program goes
on normally afterwards."""

import sys


def down(n):
    return down(n + 1) + 1


def depth_ok(n):
    if n == 0:
        return 0
    return depth_ok(n - 1) + 1


def entry_point(argv):
    try:
        down(0)
    except RecursionError:
        print("caught RecursionError")
    try:
        down(0)
    except RuntimeError:
        print("caught it as RuntimeError")
    print("still running: %d" % depth_ok(500))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
