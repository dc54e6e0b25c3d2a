# comprehensions: nested comprehensions for transposition, flattening, grids and pairs with conditions
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]
print([[row[i] for row in m] for i in range(3)])
print([v for row in m for v in row if v % 2 == 0])
grid = [["#" if (r + c) % 2 else "." for c in range(5)] for r in range(3)]
for row in grid:
    print("".join(row))
print([(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c])
print({(r, c): m[r][c] for r in range(2) for c in range(2)})
