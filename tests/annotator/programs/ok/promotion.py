def entry_point(argv):
    n = len(argv)
    t = n > 0
    f = 2.5
    a = t + t
    b = t + n
    c = n + f
    d = t * f
    e = n - 10
    g = -t
    h = ord("a") + n
    i = True & False
    j = t | (n > 3)
    print(a, b, c, d, e, g, h, i, j)
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
