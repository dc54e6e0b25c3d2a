# program: N-queens by backtracking with sets for attacked columns and diagonals; counts and first solution
def solve(n):
    cols = set()
    d1 = set()
    d2 = set()
    placement = []
    solutions = []
    def place(r):
        if r == n:
            solutions.append(list(placement))
            return
        for c in range(n):
            if c in cols or (r - c) in d1 or (r + c) in d2:
                continue
            cols.add(c)
            d1.add(r - c)
            d2.add(r + c)
            placement.append(c)
            place(r + 1)
            placement.pop()
            cols.remove(c)
            d1.remove(r - c)
            d2.remove(r + c)
    place(0)
    return solutions

for n in range(1, 8):
    s = solve(n)
    print(n, len(s), s[0] if s else None)
for row in solve(6)[0]:
    print("".join("Q" if c == row else "." for c in range(6)))
