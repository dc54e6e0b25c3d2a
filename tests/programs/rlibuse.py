"""rlib at work: StringBuilder, unsigned arithmetic with r_uint (an FNV-1a
hash), intmask, ovfcheck-guarded big sums, specialize and elidable."""

import os
import sys

if __name__ == "__main__":  # untranslated: make the repository's rlib importable
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

from rlib.jit import elidable, dont_look_inside, we_are_jitted
from rlib.objectmodel import StringBuilder, specialize
from rlib.rarith import intmask, ovfcheck, r_uint


def fnv1a(s):
    h = r_uint(-3750763034362895579)    # 14695981039346656037, the FNV offset basis
    for c in s:
        h = h ^ r_uint(ord(c))
        h = h * r_uint(1099511628211)
    return h


def render_table(rows, cols):
    sb = StringBuilder()
    for i in range(rows):
        sb.append("row %d:" % i)
        for j in range(cols):
            sb.append(" ")
            sb.append(str(i * cols + j))
        sb.append_multiple_char(".", 3)
        sb.append("\n")
    return sb.build()


@specialize.argtype(0)
def describe(x):
    return "<" + str(x) + ">"


@elidable
def weight(letter):
    return ord(letter) - ord("a") + 1


@dont_look_inside
def slow_sum(n):
    total = 0
    for i in range(n):
        total += i
    return total


def sum_until_overflow(start, step):
    total = start
    count = 0
    while True:
        try:
            total = ovfcheck(total + step)
        except OverflowError:
            return count
        count += 1


def entry_point(argv):
    for s in ["", "a", "foobar", "hello world"]:
        h = fnv1a(s)
        print("fnv1a(%s) = %d" % (s, intmask(h)))
    table = render_table(3, 4)
    print(table[:len(table) - 1])
    sb = StringBuilder()
    sb.append_slice("abcdefgh", 2, 5)
    print("slice %s len %d" % (sb.build(), sb.getlength()))
    print(describe(42) + describe("str") + describe(1.5))
    total = 0
    for c in "lathe":
        total += weight(c)
    print("weight(lathe) = %d" % total)
    print("slow_sum(1000) = %d" % slow_sum(1000))
    print("steps: %d" % sum_until_overflow(9223372036854775807 - 10000, 1000))
    # we_are_translated() differs between CPython and translated code: not printed.
    print("jitted %s" % str(we_are_jitted()))
    u = r_uint(0) - r_uint(1)
    print("r_uint(0) - 1 = %d, >> 60 = %d" % (intmask(u), intmask(u >> 60)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
