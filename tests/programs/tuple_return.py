"""Tuples as multiple return values: divmod-like helpers, min/max/mean
of a list, a parser returning (value, position), swaps, and returning
tuples of mixed types (int, str, float, bool)."""

import sys


def div_mod(a, b):
    return a // b, a % b


def stats(items):
    lo = items[0]
    hi = items[0]
    total = 0
    for x in items:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
        total += x
    return lo, hi, total / len(items)


def parse_int(s, pos):
    start = pos
    while pos < len(s) and s[pos].isdigit():
        pos += 1
    return int(s[start:pos]), pos


def describe(n):
    if n < 0:
        return (n, "negative", -1.0, False)
    return (n, "non-negative", 1.0, True)


def entry_point(argv):
    for a, b in [(17, 5), (-17, 5), (17, -5)]:
        q, r = div_mod(a, b)
        print("%d = %d * %d + %d" % (a, b, q, r))
    lo, hi, mean = stats([3, 9, -2, 14, 6])
    print("lo %d hi %d mean %s" % (lo, hi, str(mean)))
    s = "12,345,6789"
    pos = 0
    values = []
    while pos < len(s):
        v, pos = parse_int(s, pos)
        values.append(str(v))
        pos += 1
    print("parsed: " + " ".join(values))
    for n in [-4, 4]:
        num, label, sign, ok = describe(n)
        print("%d is %s (sign %s, ok %s)" % (num, label, str(sign), str(ok)))
    t = describe(7)
    print("indexed: %d %s %s %s" % (t[0], t[1], str(t[2]), str(t[3])))
    x, y, z = 1, 2, 3
    x, y, z = z, x, y
    print("rotated: %d %d %d" % (x, y, z))
    a = 0
    b = 1
    for i in range(50):
        a, b = b, a + b
    print("fib(50) = %d" % a)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
