"""Lists of lists: matrices built row by row, multiplication, an identity
matrix, jagged rows, the aliasing trap of [[0] * n] * m avoided by
building rows, lists of lists of strs, and Pascal's triangle."""

import sys


def zeros(rows, cols):
    m = []
    for i in range(rows):
        m.append([0] * cols)
    return m


def matmul(a, b):
    n = len(a)
    k = len(b)
    p = len(b[0])
    c = zeros(n, p)
    for i in range(n):
        for j in range(p):
            s = 0
            for t in range(k):
                s += a[i][t] * b[t][j]
            c[i][j] = s
    return c


def show(m):
    for row in m:
        parts = []
        for x in row:
            parts.append("%4d" % x)
        print("".join(parts))


def pascal(n):
    rows = [[1]]
    for i in range(1, n):
        prev = rows[-1]
        row = [1]
        for j in range(1, i):
            row.append(prev[j - 1] + prev[j])
        row.append(1)
        rows.append(row)
    return rows


def entry_point(argv):
    a = [[1, 2, 3], [4, 5, 6]]
    b = [[7, 8], [9, 10], [11, 12]]
    show(matmul(a, b))
    identity = zeros(3, 3)
    for i in range(3):
        identity[i][i] = 1
    show(identity)
    m = zeros(2, 4)
    m[0][1] = 5
    print("only one row changed: %d %d" % (m[0][1], m[1][1]))
    for row in pascal(8):
        parts = []
        for x in row:
            parts.append(str(x))
        print(" ".join(parts))
    jagged = [[1], [2, 3], [], [4, 5, 6]]
    total = 0
    for row in jagged:
        for x in row:
            total += x
    print("jagged: %d rows, sum %d, lens %d %d %d %d" % (len(jagged), total, len(jagged[0]), len(jagged[1]),
                                                        len(jagged[2]), len(jagged[3])))
    jagged[2].append(100)
    jagged.append([7])
    print("after append: %d %d" % (jagged[2][0], jagged[-1][-1]))
    names = [["ann", "bob"], ["cy"]]
    names[1].append("dee")
    for group in names:
        print("group: " + ",".join(group))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
