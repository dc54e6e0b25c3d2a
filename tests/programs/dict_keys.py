"""Dict key kinds: int keys (negative, zero, large), str keys (empty,
long), char keys, and tuple keys of ints and of (str, int); the same
lookups through each kind."""

import sys


def char_histogram(s):
    counts = {}
    for c in s:
        counts[c] = counts.get(c, 0) + 1
    return counts


def entry_point(argv):
    ints = {}
    for k in [0, -1, 7, 1000000007, -9223372036854775807, 9223372036854775807]:
        ints[k] = k % 97
    for k in [0, -1, 7, 1000000007, -9223372036854775807, 9223372036854775807, 5]:
        print("int key %d -> %d" % (k, ints.get(k, -1)))
    strs = {}
    strs[""] = 0
    strs["a"] = 1
    strs["a" * 100] = 100
    strs["key with spaces"] = 3
    print("str keys: %d %d %d %d %d" % (strs[""], strs["a"], strs["a" * 100], strs["key with spaces"],
                                       strs.get("missing", -1)))
    built = "ke" + "y with" + " spaces"
    print("built key found: %s" % str(built in strs))
    hist = char_histogram("abracadabra")
    for c, n in hist.items():
        print("char %s: %d" % (c, n))
    grid = {}
    for x in range(-2, 3):
        for y in range(-2, 3):
            grid[(x, y)] = x * 10 + y
    print("grid (-2, 2) = %d, (1, -1) = %d, (3, 3) in grid %s, len %d" % (
        grid[(-2, 2)], grid[(1, -1)], str((3, 3) in grid), len(grid)))
    del grid[(0, 0)]
    print("after del: (0, 0) in grid %s" % str((0, 0) in grid))
    scores = {}
    scores[("ann", 1)] = 90
    scores[("ann", 2)] = 85
    scores[("bob", 1)] = 70
    for key, score in scores.items():
        name, rnd = key
        print("%s round %d: %d" % (name, rnd, score))
    print("bob round 2: %d" % scores.get(("bob", 2), 0))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
