# Lists: a resizable list (appended to) is an RList, a never-resized one a
# fixed RArray; l[i] outside a try is a check plus an inline item access.
def squares(n):
    out = []
    for i in range(n):
        out.append(i * i)
    return out

def total(xs):
    t = 0
    for i in range(len(xs)):
        t += xs[i]
    return t

def entry_point(argv):
    fixed = [3, 1, 2]
    fixed[0] = len(argv)
    print(total(squares(5)) + fixed[0] + fixed[-1])
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
