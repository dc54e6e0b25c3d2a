"""for loops over lists, strings, dict keys, ranges and tuples of one
type; break and continue in for loops (also breaking out of two nested
loops with a flag); the loop variable after the loop; nested loops
building a table."""

import sys


def entry_point(argv):
    total = 0
    for x in [3, 1, 4, 1, 5, 9, 2, 6]:
        if x == 1:
            continue
        if x == 9:
            break
        total += x
    print("sum before 9, skipping 1s: %d" % total)
    vowels = 0
    for c in "iteration over a string":
        if c in "aeiou":
            vowels += 1
    print("vowels: %d" % vowels)
    for w in ("one", "two", "three"):
        print("tuple item: " + w)
    last = -1
    for i in range(5):
        last = i
    print("last loop value: %d" % last)
    d = {"a": 1, "b": 2, "c": 3}
    keys = ""
    for k in d:
        keys += k
    print("keys: " + keys)
    table = []
    for i in range(1, 4):
        row = ""
        for j in range(1, 6):
            if j == 4:
                continue
            row += "%4d" % (i * j)
        table.append(row)
    for row in table:
        print(row)
    found = ""
    for word in "find the first word with a double letter".split():
        for k in range(len(word) - 1):
            if word[k] == word[k + 1]:
                found = word
                break
        if found != "":
            break
    print("double letter word: [%s]" % found)
    count = 0
    for i in range(3):
        for j in range(3):
            for k in range(3):
                if i < j < k:
                    count += 1
    print("increasing triples: %d" % count)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
