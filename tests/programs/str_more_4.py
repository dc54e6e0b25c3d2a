"""String operations, conversions and formatting corner cases (written with
the str lowering; each line was checked against CPython)."""

import os
import sys

if __name__ == "__main__":  # untranslated: make the repository's rlib importable
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

from rlib.rarith import r_uint


def fmt_c(code):
    try:
        return "[%c]" % code
    except OverflowError as e:
        return "OverflowError: " + str(e)


def fmt_d(x):
    try:
        return "<%5d|%-4i|%+d>" % (x, x, x)
    except OverflowError as e:
        return "OverflowError: " + str(e)
    except ValueError as e:
        return "ValueError: " + str(e)


def idx(s, i):
    try:
        return s[i]
    except IndexError:
        return "?"


def find_it(s, sub):
    try:
        return s.index(sub)
    except ValueError:
        return -1


def split_it(s, sep):
    try:
        return len(s.split(sep))
    except ValueError as e:
        print("ValueError: " + str(e))
        return -1


def entry_point(argv):
    n = len(argv)
    f = 3.14159 * n
    t = n > 0
    print("%d %i %s %r %f %x %X %o %c %e %g %%" % (42, -7, "s", "r", f, 255, 255, 8, 65, f, f))
    print("%5d|%-10s|%.2f|%08.3f|%+.1e|% d|%#x|%#o|%5.1s|" % (n, "ab", f, -f, f, n, 255, 8, "xyz"))
    print("%s %r %d %f %x %c %5s|%-6r|" % (t, t, t, t, t, t, t, t))
    print("%d %s %.3g %10.4f %-12e| %G %E" % (f, f, f, f, f, 1e-10, 1e300))
    print("%c%c%s%r %3c|%-3c|" % ("a", 98, "c", "d", "e", "f"))
    # %c out of range differs by design (strings are bytes: range(256)): not tested.
    print(fmt_c(65 + n))
    print(fmt_d(2.7) + fmt_d(-2.7) + fmt_d(1e20) + fmt_d(float("inf")) + fmt_d(float("nan")))
    u = r_uint(n) - r_uint(2)
    print("%d %x %o %10d %.2f" % (u, u, u, r_uint(5), r_uint(3)))
    print("%s" % None + "%r" % None + "%5s|" % None)
    print("%s|%d|%r|%s" % ("only", n, "x", 'c'))
    print("%-5s|%5s|%.1s|" % ('c', 'c', 'c'))
    print("100%%" % ())
    print("%d%%" % n)
    print(idx("abc", 1) + idx("abc", 5) + idx("abc", -3) + idx("abc", -4))
    print(str(find_it("hello", "l")) + str(find_it("hello", "z")))
    print(str(split_it("a,b", ",")) + str(split_it("a,b", "," * n)) + str(split_it("a,b", "," * (n - 1))))
    c = "hello"[n]
    print(c.strip() + c.strip("e") + "|" + c.replace("e", "E") + str(c.find("e")) + str(c.count("e")) + c.join(["x", "y"]))
    print(str(c.startswith("e")) + str(c.endswith("")) + str(c.split("e")) + str(c.split()))
    print("x".join("") + "|" + "x".join("a") + "|" + "x".join(c))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
