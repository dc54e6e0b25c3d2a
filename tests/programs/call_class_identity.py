"""Classes as values compared by identity: a function returning one of two
classes (a class never instantiated), tested with `is`."""

import sys

class A(object):
    pass

class B(A):
    pass

def pick(n):
    if n > 1:
        return A
    return B

def entry_point(argv):
    c = pick(len(argv))
    print(c is B)
    return 0

if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
