"""An uncaught ZeroDivisionError (from `//`) passing through finally
blocks that print on the way out: stdout shows the cleanup lines, stderr
ends with `ZeroDivisionError: integer division or modulo by zero`."""

import sys


def divide(a, b):
    try:
        return a // b
    finally:
        print("divide(%d, %d) cleanup" % (a, b))


def average(items):
    try:
        total = 0
        for x in items:
            total += x
        return divide(total, len(items))
    finally:
        print("average cleanup")


def entry_point(argv):
    print("average %d" % average([2, 4, 9]))
    print("average %d" % average([]))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
