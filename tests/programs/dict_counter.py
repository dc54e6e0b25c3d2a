"""Counting with dicts: word frequencies over a text, the most frequent
words found by hand (ties broken by first appearance), letter counts,
and an inverted index from words to line numbers."""

import sys

TEXT = """the cat and the hat
a cat in a hat sat
the hat was red and the cat was black
no hat no cat"""


def frequencies(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def top(counts, n):
    result = []
    used = {}
    for i in range(n):
        best = ""
        best_count = 0
        for w, c in counts.items():
            if w not in used and c > best_count:
                best = w
                best_count = c
        if best_count == 0:
            break
        used[best] = True
        result.append("%s(%d)" % (best, best_count))
    return result


def entry_point(argv):
    lines = TEXT.split("\n")
    words = TEXT.split()
    counts = frequencies(words)
    print("%d words, %d distinct" % (len(words), len(counts)))
    print("top 4: " + " ".join(top(counts, 4)))
    letters = {}
    for c in TEXT:
        if c.isalpha():
            letters[c] = letters.get(c, 0) + 1
    order = "abcdefghijklmnopqrstuvwxyz"
    parts = []
    for c in order:
        if c in letters:
            parts.append("%s%d" % (c, letters[c]))
    print("letters: " + " ".join(parts))
    index = {}
    for i in range(len(lines)):
        for w in lines[i].split():
            if w not in index:
                index[w] = []
            entries = index[w]
            if len(entries) == 0 or entries[-1] != i + 1:
                entries.append(i + 1)
    for w in ["cat", "hat", "red", "no"]:
        nums = []
        for n in index[w]:
            nums.append(str(n))
        print("%s: lines %s" % (w, ",".join(nums)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
