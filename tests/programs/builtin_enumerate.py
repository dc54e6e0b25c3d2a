"""enumerate over lists, strings and lists of tuples, numbering from 1 by
hand (the annotator rejects enumerate's start argument), building index
tables, and enumerate combined with break."""

import sys


def entry_point(argv):
    fruits = ["apple", "banana", "cherry"]
    for i, f in enumerate(fruits):
        print("%d: %s" % (i, f))
    for i, f in enumerate(fruits):
        print("#%d %s" % (i + 1, f))
    for i, c in enumerate("abc"):
        print("char %d = %s" % (i, c))
    pairs = [("x", 10), ("y", 20)]
    for i, (name, value) in enumerate(pairs):
        print("%d %s %d" % (i, name, value))
    positions = {}
    for i, w in enumerate("to be or not to be".split()):
        if w not in positions:
            positions[w] = i
    for w, i in positions.items():
        print("first %s at %d" % (w, i))
    first_long = -1
    for i, f in enumerate(fruits):
        if len(f) > 5:
            first_long = i
            break
    print("first long fruit at %d" % first_long)
    total = 0
    for i, x in enumerate([5, 6, 7, 8]):
        total += i * x
    print("weighted sum %d" % total)
    count = 0
    for i, x in enumerate(fruits[3:]):
        count += 1
    print("empty enumerate: %d" % count)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
