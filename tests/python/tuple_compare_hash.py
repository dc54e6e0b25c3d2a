# tuple: lexicographic comparison, equal tuples hash equal and work as dict keys and set members
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), () < (0,), (1, "a") == (1, "a"))
print(hash((1, 2)) == hash((1, 2)), hash((1, (2, 3))) == hash((1, (2, 3))), hash(()) == hash(()))
grid = {}
for i in range(3):
    for j in range(3):
        grid[(i, j)] = i * j
print(grid[(2, 2)], grid[1, 2], (0, 0) in grid, (3, 3) in grid, len(grid))
seen = set()
for p in [(1, 2), (2, 1), (1, 2), (1, 2.0)]:
    seen.add(p)
print(sorted(seen), len(seen))
print(sorted([(2, "b"), (1, "b"), (2, "a")]), max((1, 2), (1, 2, 3)))
