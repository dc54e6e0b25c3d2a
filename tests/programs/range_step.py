"""range with one, two and three arguments: positive and negative steps,
empty ranges, ranges with computed bounds, len(range(...)) and ranges
held in a variable and iterated twice."""

import sys


def collect(r):
    parts = []
    for i in r:
        parts.append(str(i))
    return "[" + " ".join(parts) + "]"


def entry_point(argv):
    print(collect(range(5)))
    print(collect(range(2, 7)))
    print(collect(range(0, 20, 3)))
    print(collect(range(10, 0, -1)))
    print(collect(range(10, 0, -3)))
    print(collect(range(-5, 5, 2)))
    print(collect(range(5, -6, -5)))
    print(collect(range(0)))
    print(collect(range(5, 2)))
    print(collect(range(2, 5, -1)))
    print(collect(range(-3)))
    n = len(argv) * 4
    print(collect(range(n, -n, -n // 2)))
    print("len: %d %d %d %d" % (len(range(10)), len(range(0, 10, 3)), len(range(10, 0, -4)), len(range(3, 3))))
    r = range(1, 4)
    total = 0
    for i in r:
        total += i
    for i in r:
        total += i * 10
    print("iterated twice: %d" % total)
    countdown = []
    for i in range(3, 0, -1):
        countdown.append(str(i))
    print("countdown: " + "...".join(countdown) + "...go")
    s = "abcdefghij"
    rev = ""
    for i in range(len(s) - 1, -1, -2):
        rev += s[i]
    print("every second char backwards: " + rev)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
