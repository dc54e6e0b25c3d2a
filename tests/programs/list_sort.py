"""Sorting: list.sort() of ints (negatives, duplicates, already sorted,
reversed), of strs and of floats; reverse(); an insertion sort and a
merge sort by hand compared with sort()."""

import sys


def show(items):
    parts = []
    for x in items:
        parts.append(str(x))
    return " ".join(parts)


def show_floats(items):
    # A separate function: one shared with int lists would unify the lists'
    # item types to float (RPy), printing 5.0 where CPython prints 5.
    parts = []
    for x in items:
        parts.append(str(x))
    return " ".join(parts)


def merge_sort(items):
    if len(items) <= 1:
        return items
    mid = len(items) // 2
    left = merge_sort(items[:mid])
    right = merge_sort(items[mid:])
    out = []
    i = 0
    j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    while i < len(left):
        out.append(left[i])
        i += 1
    while j < len(right):
        out.append(right[j])
        j += 1
    return out


def pseudo_random(n, seed):
    out = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        out.append(seed % 1000 - 500)
    return out


def entry_point(argv):
    xs = [5, -3, 12, 0, 5, -3, 99, 1]
    xs.sort()
    print(show(xs))
    xs.reverse()
    print(show(xs))
    already = [1, 2, 3, 4]
    already.sort()
    print(show(already))
    words = ["kiwi", "Banana", "apple", "cherry", "apple", "Apple", "b"]
    words.sort()
    print(" ".join(words))
    words.reverse()
    print(" ".join(words))
    fs = [2.5, -1.0, 3.25, 0.0, -7.5]
    fs.sort()
    print(show_floats(fs))
    data = pseudo_random(200, 7)
    by_merge = merge_sort(data)
    by_sort = list(data)
    by_sort.sort()
    same = True
    for i in range(len(data)):
        if by_merge[i] != by_sort[i]:
            same = False
    print("merge sort agrees: %s" % str(same))
    print("smallest five: " + show(by_sort[:5]))
    print("largest five: " + show(by_sort[-5:]))
    print("original untouched, first: %d" % data[0])
    empty = []
    for i in range(0):
        empty.append(i)
    empty.sort()
    print("empty sorted: [%s]" % show(empty))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
