"""A dict changing size while a for loop iterates it: RuntimeError caught by
an enclosing try, then raised uncaught (traceback, exit status 1)."""

import sys


def entry_point(argv):
    d = {}
    for i in range(5):
        d[i] = i
    try:
        for k in d:
            if k == 2:
                d[10] = 1
    except RuntimeError:
        print("caught")
    for k in d:
        if k == 3:
            del d[0]
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
