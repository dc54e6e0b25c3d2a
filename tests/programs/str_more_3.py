"""String operations, conversions and formatting corner cases (written with
the str lowering; each line was checked against CPython)."""

import sys


class Box(object):
    def __init__(self, v):
        self.v = v


def entry_point(argv):
    n = len(argv)
    ints = [1, -2, 3 * n]
    print(str(ints))
    print(ints)
    strs = ["a", "it's", "q\"x", "tab\there", ""]
    print(strs)
    strs.append("x")
    print(strs)
    chars = []
    for c in "hi'":
        chars.append(c)
    print(chars)
    floats = [1.5, -0.0, 1e20, 0.1 * 3]
    print(floats)
    bools = [True, n > 5]
    print(bools)
    nested = [[1, 2], [], [n]]
    print(nested)
    empty = []
    print(empty)
    d = {"a": 1, "b": n}
    print(d)
    d2 = {1: "one", 2: "two"}
    print(d2)
    d3 = {}
    d3["x"] = [1.5]
    print(d3)
    t = (1, "a")
    print(t)
    t1 = (n,)
    print(str(t1))
    t3 = (n, "z", "c")
    print(t3)
    lt = [(1, "a"), (2, "b")]
    print(lt)
    print("%s and %s" % (ints, d))
    print("%r|%10s|" % (chars, t1))
    print(",".join(d))
    print("+".join(d.keys()))
    print("+".join(d2.values()))
    r = range(n, 10)
    print(r)
    print(range(0, 10, 3))
    ds = {'k': (1, 2)}
    print(ds)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
