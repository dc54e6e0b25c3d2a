"""String operations, conversions and formatting corner cases (written with
the str lowering; each line was checked against CPython)."""

import sys


class MyError(Exception):
    pass


class A(object):
    pass


class B(A):
    pass


def pick(n):
    if n > 1:
        return A
    return B


def entry_point(argv):
    n = len(argv)
    try:
        if n > 0:
            raise MyError("x")
        raise ValueError("y")
    except Exception:
        print("caught")
    print(str(A))
    a = A() if n > 3 else B()
    print(str(isinstance(a, B)))
    print(str(pick(n)))
    print(str(ValueError))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
