"""Deeper recursion: Ackermann for small arguments, the number of
partitions of n, permutations of a string generated recursively, and
a flood fill over a small grid."""

import sys


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def partitions(n, largest):
    if n == 0:
        return 1
    if n < 0 or largest == 0:
        return 0
    return partitions(n - largest, largest) + partitions(n, largest - 1)


def permutations(prefix, rest, out):
    if len(rest) == 0:
        out.append(prefix)
        return
    for i in range(len(rest)):
        permutations(prefix + rest[i], rest[:i] + rest[i + 1:], out)


def flood(grid, r, c):
    if r < 0 or r >= len(grid) or c < 0 or c >= len(grid[0]):
        return 0
    if grid[r][c] != ".":
        return 0
    grid[r][c] = "#"
    return 1 + flood(grid, r + 1, c) + flood(grid, r - 1, c) + flood(grid, r, c + 1) + flood(grid, r, c - 1)


def entry_point(argv):
    for m in range(3):
        parts = []
        for n in range(5):
            parts.append(str(ackermann(m, n)))
        print("A(%d, 0..4) = %s" % (m, " ".join(parts)))
    print("A(3, 3) = %d" % ackermann(3, 3))
    for n in [1, 5, 10, 20, 30]:
        print("p(%d) = %d" % (n, partitions(n, n)))
    out = []
    permutations("", "abcd", out)
    print("%d permutations: %s ... %s" % (len(out), " ".join(out[:4]), out[-1]))
    rows = ["..x...", ".xx.x.", "...x..", "xxxx.x", "....x."]
    grid = []
    for row in rows:
        grid.append(list(row))
    print("filled from (0, 0): %d" % flood(grid, 0, 0))
    print("filled from (4, 0): %d" % flood(grid, 4, 0))
    for row in grid:
        print("".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
