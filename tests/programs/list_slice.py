"""List slicing: positive, negative and omitted bounds, out-of-range
bounds, copies made by slicing are independent, slices of lists of
strings, negative indexing, and IndexError caught with its message."""

import sys


def show(label, items):
    parts = []
    for x in items:
        parts.append(str(x))
    print("%-10s [%s]" % (label, " ".join(parts)))


def get(items, i):
    try:
        return items[i]
    except IndexError:
        return -1


def entry_point(argv):
    xs = []
    for i in range(10):
        xs.append(i * i)
    show("xs", xs)
    show("[2:5]", xs[2:5])
    show("[:3]", xs[:3])
    show("[7:]", xs[7:])
    show("[-3:]", xs[-3:])
    show("[:-7]", xs[:-7])
    show("[-6:-3]", xs[-6:-3])
    show("[4:4]", xs[4:4])
    show("[8:3]", xs[8:3])
    show("[5:100]", xs[5:100])
    show("[-100:2]", xs[-100:2])
    copy = xs[:]
    copy[0] = 1000
    print("copy[0] = %d, xs[0] = %d" % (copy[0], xs[0]))
    print("xs[-1] = %d, xs[-10] = %d" % (xs[-1], xs[-10]))
    for i in [0, 9, 10, -1, -10, -11]:
        print("get(%d) = %d" % (i, get(xs, i)))
    try:
        xs[len(xs)] = 5
    except IndexError as e:
        print("IndexError: " + str(e))
    try:
        print(xs[20])
    except IndexError as e:
        print("IndexError: " + str(e))
    words = "a bb ccc dddd eeeee".split(" ")
    middle = words[1:-1]
    print("middle: " + ",".join(middle))
    print("last two: " + ",".join(words[-2:]))
    windows = []
    for i in range(len(xs) - 2):
        w = xs[i:i + 3]
        windows.append(str(w[0] + w[1] + w[2]))
    print("window sums: " + " ".join(windows))
    half = len(xs) // 2
    swapped = xs[half:] + xs[:half]
    show("swapped", swapped)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
