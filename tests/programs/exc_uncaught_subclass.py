"""An uncaught user exception derived from a built-in (ValueError), raised
without a message: the last traceback line is the bare class name, and
the exception escapes a handler for an unrelated class. Exit status 1."""

import sys


class EmptyInput(ValueError):
    pass


def parse(s):
    if s == "":
        raise EmptyInput()
    return int(s)


def entry_point(argv):
    total = 0
    for s in ["1", "22", "x", "333"]:
        try:
            total += parse(s)
        except ValueError:
            print("skipping %s" % s)
    print("total %d" % total)
    try:
        parse("")
    except KeyError:
        print("not this handler")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
