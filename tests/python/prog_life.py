# program: Conway's game of life on a small torus: a glider moves one cell diagonally every 4 steps
W, H = 8, 8
def step(cells):
    new = set()
    counts = {}
    for (x, y) in cells:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    k = ((x + dx) % W, (y + dy) % H)
                    counts[k] = counts.get(k, 0) + 1
    for k, n in counts.items():
        if n == 3 or (n == 2 and k in cells):
            new.add(k)
    return new
def show(cells):
    for y in range(H):
        print("".join("#" if (x, y) in cells else "." for x in range(W)))
cells = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
for gen in range(9):
    if gen % 4 == 0:
        print("generation", gen, "cells", len(cells), sorted(cells))
        show(cells)
    cells = step(cells)
