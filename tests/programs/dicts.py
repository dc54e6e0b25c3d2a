"""Dictionaries: counting, insertion order, get/del/in, iteration over
keys/values/items, dicts of lists, int and tuple keys."""

import sys

TEXT = ("it was the best of times it was the worst of times "
        "it was the age of wisdom it was the age of foolishness")


def word_counts(text):
    counts = {}
    for w in text.split(" "):
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
    return counts


def group_by_length(words):
    groups = {}
    for w in words:
        n = len(w)
        if n not in groups:
            groups[n] = []
        groups[n].append(w)
    return groups


def fib_memo(n, memo):
    if n < 2:
        return n
    if n in memo:
        return memo[n]
    r = fib_memo(n - 1, memo) + fib_memo(n - 2, memo)
    memo[n] = r
    return r


def entry_point(argv):
    counts = word_counts(TEXT)
    for w, c in counts.items():
        print("%s: %d" % (w, c))
    print("distinct: %d" % len(counts))
    print("get: %d %d" % (counts.get("times", 0), counts.get("zebra", 0)))
    del counts["it"]
    print("after del: %s %d" % (str("it" in counts), len(counts)))
    total = 0
    for c in counts.values():
        total += c
    print("total: %d" % total)
    keys = []
    for k in counts.keys():
        keys.append(k)
    print("keys: " + ",".join(keys))
    groups = group_by_length(TEXT.split(" "))
    for n in range(1, 12):
        if n in groups:
            print("%d -> %d words, first %s" % (n, len(groups[n]), groups[n][0]))
    memo = {}
    print("fib(80) = %d" % fib_memo(80, memo))
    grid = {}
    for x in range(4):
        for y in range(4):
            grid[(x, y)] = x * y
    print("grid[(3, 2)] = %d, size %d" % (grid[(3, 2)], len(grid)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
