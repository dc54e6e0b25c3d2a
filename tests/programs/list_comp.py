"""List comprehensions at run time: over ranges, lists and strings, with
conditions, nested loops, calls and tuple results."""

import sys


def square(x):
    return x * x


def show(items):
    parts = []
    for x in items:
        parts.append(str(x))
    return " ".join(parts)


def entry_point(argv):
    n = 10 + len(argv)
    squares = [i * i for i in range(n)]
    print(show(squares))
    evens = [x for x in squares if x % 2 == 0]
    print(show(evens))
    called = [square(x) + 1 for x in [3, 1, 4, 1, 5]]
    print(show(called))
    upper = [c.upper() for c in "comprehension" if c not in "aeiou"]
    print("".join(upper))
    lengths = [len(w) for w in "how long are these words".split()]
    print(show(lengths))
    pairs = [(i, j) for i in range(3) for j in range(3) if i != j]
    for i, j in pairs:
        print("pair %d %d" % (i, j))
    table = [[i * j for j in range(1, 4)] for i in range(1, 4)]
    for row in table:
        print(show(row))
    strs = [str(x) for x in range(5)]
    print(",".join(strs))
    flat = [x for row in table for x in row]
    print("flat: " + show(flat))
    empty = [x for x in range(5) if x > 10]
    print("empty: %d" % len(empty))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
