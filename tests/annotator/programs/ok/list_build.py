def entry_point(argv):
    zeros = [0] * 4
    zeros[1] = 7
    grid = [1, 2] + [3]
    grid.append(4)
    letters = []
    letters.extend("abc")
    letters.extend(["d", "e"])
    tail = grid[1:]
    tail.append(9)
    acc = [1]
    acc += [2, 3]
    acc *= 2
    print(len(zeros), zeros[1], len(grid), len(letters), letters[0], len(tail), len(acc))
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
