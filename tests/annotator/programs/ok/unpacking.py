def minmax(xs):
    lo = xs[0]
    hi = xs[0]
    for x in xs:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return lo, hi
def entry_point(argv):
    lo, hi = minmax([4, 9, 1, 7])
    a, b = hi, lo
    a, b = b, a
    (p, q), r = (1, "x"), 2.5
    pairs = [(1, "one"), (2, "two")]
    for n, name in pairs:
        print(n, name)
    print(lo, hi, a, b, p, q, r)
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
