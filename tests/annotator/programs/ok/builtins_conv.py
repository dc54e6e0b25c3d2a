def entry_point(argv):
    n = int("42")
    f = float("2.5")
    g = int(3.9)
    h = float(7)
    s = str(n) + str(f) + str(True)
    b = bool(n)
    e = bool("")
    c = chr(ord("a") + 1)
    print(n, f, g, h, s, b, e, c, abs(-3), abs(-2.5))
    print(min(3, 1, 2), max(1.5, 2), min([4, 2, 9]), max("abc"), min("b", "a"))
    print(isinstance(n, int), len("hello"), len((1, 2)))
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
