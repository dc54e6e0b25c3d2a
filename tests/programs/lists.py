"""Lists: growth, indexing, slicing, deletion, search, sorting by hand,
lists of lists."""

import sys


def insertion_sort(items):
    i = 1
    while i < len(items):
        key = items[i]
        j = i - 1
        while j >= 0 and items[j] > key:
            items[j + 1] = items[j]
            j -= 1
        items[j + 1] = key
        i += 1


def matrix(n):
    rows = []
    for i in range(n):
        row = []
        for j in range(n):
            row.append(i * n + j)
        rows.append(row)
    return rows


def transpose(m):
    n = len(m)
    t = []
    for j in range(n):
        row = []
        for i in range(n):
            row.append(m[i][j])
        t.append(row)
    return t


def show(items):
    parts = []
    for x in items:
        parts.append(str(x))
    return "[" + ", ".join(parts) + "]"


def entry_point(argv):
    xs = []
    seed = 17
    for i in range(12):
        seed = (seed * 1103515245 + 12345) % 2147483648
        xs.append(seed % 100)
    print("random: " + show(xs))
    insertion_sort(xs)
    print("sorted: " + show(xs))
    print("slice: " + show(xs[2:5]) + " tail: " + show(xs[-3:]))
    xs.append(1000)
    xs.insert(0, -1)
    last = xs.pop()
    first = xs.pop(0)
    print("popped %d and %d, len %d" % (last, first, len(xs)))
    del xs[0]
    print("after del: " + show(xs))
    print("index of %d: %d" % (xs[3], xs.index(xs[3])))
    print("contains 50: %s" % str(50 in xs))
    xs.reverse()
    print("reversed: " + show(xs))
    ys = xs + [1, 2, 3]
    print("concat len %d" % len(ys))
    zeros = [0] * 5
    zeros[2] = 7
    print("zeros: " + show(zeros))
    m = matrix(3)
    t = transpose(m)
    for row in t:
        print(show(row))
    total = 0
    for i, x in enumerate(ys):
        total += i * x
    print("weighted sum: %d" % total)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
