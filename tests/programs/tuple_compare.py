"""Tuple comparison and equality: lexicographic <, <=, >, >= and == on
tuples of ints and of (str, int), used to sort records by hand and to
find a maximum by composite key; tuples stored in lists."""

import sys


def insertion_sort(items):
    for i in range(1, len(items)):
        key = items[i]
        j = i - 1
        while j >= 0 and items[j] > key:
            items[j + 1] = items[j]
            j -= 1
        items[j + 1] = key


def selection_sort(items):
    """A second sorter: a function's list argument has one item type, and
    the triples below are not (str, int) pairs."""
    for i in range(len(items)):
        m = i
        for j in range(i + 1, len(items)):
            if items[j] < items[m]:
                m = j
        tmp = items[i]
        items[i] = items[m]
        items[m] = tmp


def entry_point(argv):
    pairs = [((1, 2), (1, 3)), ((1, 2), (1, 2)), ((2, 0), (1, 9)), ((0, 5), (0, -5)), ((-1, 0), (0, -1))]
    for a, b in pairs:
        print("(%d, %d) vs (%d, %d): < %s <= %s > %s >= %s == %s != %s" % (
            a[0], a[1], b[0], b[1], str(a < b), str(a <= b), str(a > b), str(a >= b), str(a == b), str(a != b)))
    people = [("smith", 42), ("jones", 17), ("smith", 30), ("adams", 99), ("jones", 17), ("brown", 5)]
    insertion_sort(people)
    for name, age in people:
        print("%s %d" % (name, age))
    best = people[0]
    for p in people:
        if (p[1], p[0]) > (best[1], best[0]):
            best = p
    print("oldest: %s %d" % (best[0], best[1]))
    triples = [(3, 1, 2), (1, 2, 3), (3, 1, 1), (1, 2, 2)]
    selection_sort(triples)
    for t in triples:
        print("%d %d %d" % t)
    print("equal tuples built apart: %s" % str((1, "a") == (2 - 1, "ab"[0])))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
