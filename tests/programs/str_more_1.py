"""String operations, conversions and formatting corner cases (written with
the str lowering; each line was checked against CPython)."""

import sys


def show(label, s):
    print(label + " [" + s + "] " + str(len(s)))


def cmp(a, b):
    print(a + " vs " + b + ": " + str(a < b) + str(a <= b) + str(a == b) + str(a != b) + str(a > b) + str(a >= b))


def ccmp(a, b):
    print(str(a < b) + str(a <= b) + str(a == b) + str(a != b) + str(a > b) + str(a >= b))


def maybe(n):
    if n > 2:
        return None
    return "x" * n


def entry_point(argv):
    s = "Hello, World"
    show("s[0:5]", s[0:5])
    show("s[7:]", s[7:])
    show("s[:5]", s[:5])
    show("s[:]", s[:])
    show("s[-5:]", s[-5:])
    show("s[::-1]", s[::-1])
    show("s[::2]", s[::2])
    show("s[1::3]", s[1::3])
    show("s[8:2:-2]", s[8:2:-2])
    show("s[-100:3]", s[-100:3])
    n = len(argv)
    show("s[n:n+3]", s[n:n + 3])
    show("s[::-n]", s[::-n])
    show("s[n::n+1]", s[n::n + 1])
    c = s[n]
    print(c)
    print(s[-1])
    print(c + c)
    print(c + "yz")
    print("yz" + c)
    t = "ab"
    t += "cd"
    t += c
    print(t)
    print(t * 3)
    print(2 * t)
    print(c * 4)
    print(3 * c)
    print(t * -1 + "|")
    cmp("abc", "abd")
    cmp("abc", "abc")
    cmp("b", "abc")
    cmp("", "a")
    ccmp(c, "e")
    ccmp(c, "a")
    ccmp(c, "ea")
    ccmp("e", c)
    ccmp("da", c)
    ccmp(c, c)
    print(str("ell" in s) + str("xyz" in s) + str(c in s) + str("q" in s) + str("" in s))
    print(str(c in "abe") + str(c in "e") + str("e" in c) + str("ee" in c))
    for x in "abc":
        print(x + "!" + str(x == "b") + str("b" == x) + str(x == "bb"))
    m = maybe(n)
    print(str(m == None) + str(m != None) + str(m is None) + str(m == "x"))
    m = maybe(n + 5)
    print(str(m == None) + str(m != None) + str(m is None) + str(m == "x"))
    print(str(m))
    print("%r" % s + "%r" % c + "%r" % "it's" + "%-8r|" % "a\nb\t\\" + "%r" % m + "%s" % m)
    try:
        print(s[100])
    except IndexError as e:
        print("IndexError: " + str(e))
    try:
        print(s[-13])
    except IndexError:
        print("neg IndexError")
    print(s[-12])
    k = 0
    try:
        print(s[::k])
    except ValueError as e:
        print("ValueError: " + str(e))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
