"""Iterating dicts: for k in d, keys(), values(), items() with tuple
unpacking, building lists from them, nested dicts, and summing values."""

import sys


def entry_point(argv):
    stock = {}
    stock["apples"] = 12
    stock["pears"] = 0
    stock["plums"] = 7
    stock["figs"] = 30
    names = []
    for k in stock:
        names.append(k)
    print("for k in d: " + ",".join(names))
    keys = []
    for k in stock.keys():
        keys.append(k.upper())
    print("keys(): " + ",".join(keys))
    total = 0
    for v in stock.values():
        total += v
    print("values() total: %d" % total)
    for name, count in stock.items():
        if count == 0:
            print("%s: sold out" % name)
        else:
            print("%s: %d" % (name, count))
    for item in stock.items():
        print("pair: %s %d" % (item[0], item[1]))
    nested = {}
    nested["fruit"] = {"apple": 1, "kiwi": 2}
    nested["veg"] = {"leek": 3}
    for group, members in nested.items():
        parts = []
        for m, n in members.items():
            parts.append("%s=%d" % (m, n))
        print("%s: %s" % (group, " ".join(parts)))
    squares = {}
    for i in range(1, 6):
        squares[i] = i * i
    acc = 0
    for k, v in squares.items():
        acc += k * v
    print("sum k*v: %d" % acc)
    inverse = {}
    for k, v in squares.items():
        inverse[v] = k
    for v in [1, 9, 25, 2]:
        print("sqrt of %d: %d" % (v, inverse.get(v, -1)))
    empty = {}
    empty["gone"] = 0
    del empty["gone"]
    n = 0
    for k in empty:
        n += 1
    print("empty iterations: %d" % n)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
