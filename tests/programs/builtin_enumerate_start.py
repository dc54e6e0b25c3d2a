"""enumerate() with a start (a constant and a computed non-negative one) and
without."""

import sys

def entry_point(argv):
    words = ["zero", "one", "two"]
    for i, w in enumerate(words, 1):
        print(i, w)
    for i, c in enumerate("ab", len(argv) + 9):
        print(i, c)
    for i, w in enumerate(words):
        print(i, w)
    return 0

if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
