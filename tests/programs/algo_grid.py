"""Grids as lists of lists of chars: breadth-first search for the
shortest path in a maze (with the path drawn back in), and a few
generations of Conway's Game of Life on a small torus."""

import sys

MAZE = ["S.#.......",
        ".##.####..",
        "....#..#.#",
        "#.#...#...",
        "..#.#.##.#",
        ".##.#....E"]


def bfs(grid, start, goal):
    rows = len(grid)
    cols = len(grid[0])
    prev = {}
    prev[start] = start
    queue = [start]
    head = 0
    while head < len(queue):
        r, c = queue[head]
        head += 1
        if (r, c) == goal:
            break
        for dr, dc in [(1, 0), (-1, 0), (0, 1), (0, -1)]:
            nr = r + dr
            nc = c + dc
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#" and (nr, nc) not in prev:
                prev[(nr, nc)] = (r, c)
                queue.append((nr, nc))
    if goal not in prev:
        return -1
    steps = 0
    cur = goal
    while cur != start:
        cur = prev[cur]
        if cur != start:
            grid[cur[0]][cur[1]] = "*"
        steps += 1
    return steps


def life_step(cells):
    rows = len(cells)
    cols = len(cells[0])
    out = []
    for r in range(rows):
        row = []
        for c in range(cols):
            n = 0
            for dr in range(-1, 2):
                for dc in range(-1, 2):
                    if (dr != 0 or dc != 0) and cells[(r + dr) % rows][(c + dc) % cols]:
                        n += 1
            row.append(n == 3 or (n == 2 and cells[r][c]))
        out.append(row)
    return out


def show_life(cells):
    for row in cells:
        line = ""
        for alive in row:
            line += "O" if alive else "."
        print(line)


def entry_point(argv):
    grid = []
    for line in MAZE:
        grid.append(list(line))
    print("shortest path: %d steps" % bfs(grid, (0, 0), (5, 9)))
    for row in grid:
        print("".join(row))
    cells = []
    for r in range(6):
        cells.append([False] * 6)
    for r, c in [(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)]:
        cells[r][c] = True
    for gen in range(4):
        cells = life_step(cells)
    print("glider after 4 generations:")
    show_life(cells)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
