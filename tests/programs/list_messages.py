"""List errors and messages as CPython words them (IndexError, ValueError from index), caught inside try blocks, with negative indexes and slices."""

import sys


def show(items):
    parts = []
    for x in items:
        parts.append(str(x))
    return "[" + ", ".join(parts) + "]"


def showf(items):
    parts = []
    for x in items:
        parts.append(str(x))
    return "[" + ", ".join(parts) + "]"


def showb(items):
    parts = []
    for x in items:
        parts.append(str(x))
    return "[" + ", ".join(parts) + "]"


def idxs(l, v):
    try:
        return l.index(v)
    except ValueError as e:
        print("ValueError: " + str(e))
        return -97


def shows(items):
    return "[" + ", ".join(items) + "]"


def get(l, i):
    try:
        return l[i]
    except IndexError as e:
        print("IndexError: " + str(e))
        return -1


def setit(l, i, v):
    try:
        l[i] = v
    except IndexError as e:
        print("IndexError: " + str(e))


def delit(l, i):
    try:
        del l[i]
    except IndexError as e:
        print("IndexError: " + str(e))


def popit(l, i):
    try:
        return l.pop(i)
    except IndexError as e:
        print("IndexError: " + str(e))
        return -99


def popl(l):
    try:
        return l.pop()
    except IndexError as e:
        print("IndexError: " + str(e))
        return -98


def idx(l, v):
    try:
        return l.index(v)
    except ValueError as e:
        print("ValueError: " + str(e))
        return -97


def rem(l, v):
    try:
        l.remove(v)
    except ValueError as e:
        print("ValueError: " + str(e))


def fixed_ops(n):
    a = [1, 2, 3, 4, 5]
    print(a[0], a[-1], a[n], a[-n - 1])
    a[1] = 20
    a[-1] = 50
    print(show(a))
    print(get(a, 5), get(a, -6), get(a, n + 10), get(a, -2))
    setit(a, 7, 1)
    setit(a, -7, 1)
    setit(a, -5, 100)
    print(show(a))
    print(show(a[1:3]), show(a[:2]), show(a[3:]), show(a[-2:]), show(a[:-3]), show(a[10:]), show(a[3:1]))
    print(show(a[::2]), show(a[::-1]), show(a[1::2]), show(a[4:0:-2]), show(a[-1:-4:-1]))
    print(3 in a, 100 in a, 7 in a)
    b = a + [6, 7]
    print(show(b), len(b))
    c = a * 2
    print(show(c))
    d = [n, n + 1] * 2
    print(show(d))
    print(a == [100, 20, 3, 4, 50], a != [100, 20, 3, 4, 50], a == [1], [1, 2] == [1, 2], [1, 2] != [2, 1])
    print(a.index(3), a.count(3), a.count(77), idx(a, 77))
    a.reverse()
    print(show(a))
    a.sort()
    print(show(a))
    e = [0] * n
    print(show(e), len(e))
    f = [None] * 3
    print(len(f), f[0] is None)
    g = [1.5] * 2
    print(showf(g))
    print(show([] * 5), show([1, 2] * 0), show([1, 2] * -1))


def resizable_ops(n):
    l = []
    for i in range(n):
        l.append(i * i)
    print(show(l))
    l.insert(0, -1)
    l.insert(100, 1000)
    l.insert(-1, 999)
    l.insert(-100, -100)
    print(show(l))
    print(popl(l), popit(l, 0), popit(l, -1), popit(l, 100), show(l))
    delit(l, 0)
    delit(l, -1)
    delit(l, 50)
    print(show(l))
    l.extend([7, 8, 9])
    l.extend(range(3))
    l += [10, 11]
    print(show(l))
    l.remove(7)
    rem(l, 12345)
    print(show(l))
    l[2:4] = [70, 80, 90]
    print(show(l))
    l[:1] = []
    print(show(l))
    del l[1:3]
    print(show(l))
    l[len(l):] = [5, 5]
    print(show(l))
    del l[::2]
    print(show(l))
    l[::2] = [0] * len(l[::2])
    print(show(l))
    l *= 2
    print(show(l))
    e = []
    print(popl(e), popit(e, 0), show(e))
    e *= 3
    print(show(e))
    l2 = list(l)
    l2.append(1)
    print(len(l), len(l2), l == l2)
    m = [[1, 2], [3]]
    m.append([4])
    m[0].append(9)
    print(len(m), show(m[0]), m == [[1, 2, 9], [3], [4]], [1, 2, 9] in m)
    s = ["b", "a", "c"]
    s.append("d")
    s.sort()
    print(shows(s), s.index("c"), "a" in s, "z" in s, s.count("a"))
    print(idxs(s, "zz"))
    s.reverse()
    print(shows(s))
    cs = list("hello")
    cs.sort()
    print(shows(cs))
    cs.extend("xy")
    print(shows(cs), cs.count("l"))
    r = list(range(2, 10, 3))
    print(show(r))
    fl = [3.5, 1.25, 2.0]
    fl.append(0.5)
    fl.sort()
    print(showf(fl), 2.0 in fl, fl.index(2.0))
    bl = [True, False, True]
    bl.append(False)
    bl.sort()
    print(showb(bl))


def ranges(n):
    r = range(1, n, 2)
    print(r[0], r[1], r[-1], len(r), 3 in r, 4 in r, 0 in r, n in r)
    r2 = range(n, 0, -3)
    print(r2[0], r2[-1], len(r2), 7 in r2, 10 in r2, 4 in r2)
    try:
        print(r[100])
    except IndexError as e:
        print("IndexError: " + str(e))
    print(show(r[1:3]), show(list(r)))


def entry_point(argv):
    n = len(argv) + 1
    fixed_ops(n + 1)
    resizable_ops(n + 4)
    ranges(n + 9)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
