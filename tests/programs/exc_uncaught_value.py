"""An uncaught ValueError: the program prints some output, then a
ValueError escapes entry_point. CPython prints a traceback ending in
`ValueError: bad thing` to stderr and exits with status 1; stdout
written before the exception must still appear."""

import sys


def validate(items):
    total = 0
    for x in items:
        if x < 0:
            raise ValueError("bad thing")
        total += x
    return total


def try_validate(items):
    try:
        return validate(items)
    except ValueError:
        return -1


def entry_point(argv):
    print("validating good input")
    print("total %d" % validate([1, 2, 3]))
    print("guarded: %d" % try_validate([1, -1]))
    print("validating bad input")
    print("total %d" % validate([4, -5, 6]))
    print("not reached")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
