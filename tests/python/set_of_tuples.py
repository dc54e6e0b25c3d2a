# set: tuples and strings as members, dedup of points, membership tests in loops, frozen order via sorted
points = [(0, 0), (1, 2), (0, 0), (2, 1), (1, 2), (-1, -1)]
uniq = set(points)
print(len(uniq), sorted(uniq))
visited = set()
x, y = 0, 0
for move in "RRULLDDRU":
    if move == "R":
        x += 1
    elif move == "L":
        x -= 1
    elif move == "U":
        y += 1
    else:
        y -= 1
    visited.add((x, y))
print(len(visited), sorted(visited))
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
