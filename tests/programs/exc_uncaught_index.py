"""An uncaught IndexError from a list index past the end, three calls
deep, after caught IndexErrors from a list and a str:
`IndexError: list index out of range`, exit status 1."""

import sys


def nth(items, n):
    return items[n]


def last_plus(items, k):
    return nth(items, len(items) - 1 + k)


def safe_nth(items, n):
    try:
        return nth(items, n)
    except IndexError:
        return -1


def entry_point(argv):
    xs = [10, 20, 30]
    print("last: %d" % last_plus(xs, 0))
    print("safe: %d %d %d" % (safe_nth(xs, 0), safe_nth(xs, 3), safe_nth(xs, -4)))
    try:
        print("abc"[5])
    except IndexError:
        print("string index caught")
    print("one past the end:")
    print("%d" % last_plus(xs, 1))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
