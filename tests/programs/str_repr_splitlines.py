"""repr() at run time (strings, lists, floats, tuples) and str.splitlines()
with \n, \r\n and empty lines."""

import sys

def entry_point(argv):
    text = "one\ntwo\r\nthree\n\nfour"
    for line in text.splitlines():
        print(repr(line))
    print(repr([1, 2]) + repr("a'b") + repr(2.5) + repr((1, "x")))
    print(len("".splitlines()), len("x\n".splitlines()))
    return 0

if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
