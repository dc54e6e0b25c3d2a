"""Allocates without bound: translated, it must stop with Lathe's clear
out-of-memory message and a non-zero status (run with a small heap limit,
GC_MAXIMUM_HEAP_SIZE, by tests/e2e/expect_status.py; never run on CPython)."""

import sys


def entry_point(argv):
    chunks = []
    n = 0
    while True:
        chunks.append([n] * 100000)
        n += 1
        if n % 1000 == 0:
            print(n)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
