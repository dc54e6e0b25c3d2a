"""A computed exit status: entry_point returns a value in 0..255 derived
from the work done (42 here), after writing to stdout and to stderr."""

import os
import sys


def checksum(s):
    total = 0
    for c in s:
        total = (total * 7 + ord(c)) % 251
    return total


def status_for(c):
    if c < 0:
        return 1
    return 42 + (c - c)


def entry_point(argv):
    text = "exit codes are bytes"
    c = checksum(text)
    print("checksum %d" % c)
    words = text.split()
    for w in words:
        print("%s -> %d" % (w, checksum(w)))
    status = status_for(c)
    os.write(2, ("returning %d\n" % status).encode())
    return status


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
