# list: nested lists as a matrix: building, transposing, multiplying, and printing rows
n = 4
a = [[i * n + j for j in range(n)] for i in range(n)]
b = [[1 if i == j else 0 for j in range(n)] for i in range(n)]
b[0][3] = 2
def matmul(x, y):
    rows = len(x)
    cols = len(y[0])
    out = []
    for i in range(rows):
        row = []
        for j in range(cols):
            s = 0
            for k in range(len(y)):
                s += x[i][k] * y[k][j]
            row.append(s)
        out.append(row)
    return out
for row in matmul(a, b):
    print(row)
t = [[a[j][i] for j in range(n)] for i in range(n)]
print(t)
print([sum(r) for r in a], [sum(c) for c in zip(*a)], sum(sum(r) for r in a))
