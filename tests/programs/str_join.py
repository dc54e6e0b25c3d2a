"""Joining: join with empty, one-character and longer separators, over
lists built at run time, of chars, of an empty list and of one element;
building tables row by row."""

import sys


def join_ints(items, sep):
    parts = []
    for x in items:
        parts.append(str(x))
    return sep.join(parts)


def entry_point(argv):
    words = ["alpha", "beta", "gamma", "delta"]
    print("".join(words))
    print(" ".join(words))
    print(", ".join(words))
    print(" <-> ".join(words))
    print("[" + ",".join([]) + "]")
    print("[" + ",".join(["solo"]) + "]")
    chars = []
    for c in "hello":
        chars.append(c.upper())
    print("-".join(chars))
    print(join_ints([1, 22, 333, -4], "|"))
    print(join_ints(list(range(10)), ""))
    rows = []
    for i in range(1, 5):
        cells = []
        for j in range(1, 5):
            cells.append("%3d" % (i * j))
        rows.append(" ".join(cells))
    print("\n".join(rows))
    nested = []
    for w in words:
        nested.append("(" + "".join([w[0], w[-1]]) + ")")
    print("".join(nested))
    joined = ",".join(words)
    print("round trip: %s" % str(joined.split(",") == words))
    empty_parts = ["", "", ""]
    print("[" + "x".join(empty_parts) + "]")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
