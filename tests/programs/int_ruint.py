"""r_uint: unsigned 64-bit words. Wrapping add/sub/mul, unsigned division
and comparison, logical right shift, mixing with ints, back via intmask."""

import os
import sys

if __name__ == "__main__":  # untranslated: make the repository's rlib importable
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

from rlib.rarith import intmask, r_uint


def xorshift(state):
    x = state
    x = x ^ (x << 13)
    x = x ^ (x >> 7)
    x = x ^ (x << 17)
    return x


def count_leading_zeros(u):
    n = 0
    mask = r_uint(1) << 63
    while n < 64 and (u & mask) == r_uint(0):
        n += 1
        mask = mask >> 1
    return n


def entry_point(argv):
    minus_one = r_uint(0) - r_uint(1)
    print("0 - 1 = %d (as signed)" % intmask(minus_one))
    print("(0 - 1) >> 1 = %d" % intmask(minus_one >> 1))
    print("(0 - 1) >> 63 = %d" % intmask(minus_one >> 63))
    print("(0 - 1) // 3 = %d" % intmask(minus_one // r_uint(3)))
    print("(0 - 1) %% 10 = %d" % intmask(minus_one % r_uint(10)))
    big = r_uint(1) << 63
    small = r_uint(5)
    print("unsigned compare: big > small %s, big < small %s" % (str(big > small), str(big < small)))
    print("signed view of big: %d" % intmask(big))
    mixed = r_uint(10) + 5
    print("r_uint(10) + 5 = %d" % intmask(mixed))
    prod = r_uint(3) * r_uint(6148914691236517206)
    print("3 * 6148914691236517206 wraps to %d" % intmask(prod))
    state = r_uint(88172645463325252)
    out = []
    for i in range(5):
        state = xorshift(state)
        out.append(str(intmask(state >> 40)))
    print("xorshift: " + " ".join(out))
    for v in [1, 2, 255, 65536, 123456789123]:
        print("clz(%d) = %d" % (v, count_leading_zeros(r_uint(v))))
    print("clz(-1 as unsigned) = %d" % count_leading_zeros(r_uint(-1)))
    h = r_uint(0)
    for c in "unsigned":
        h = (h * r_uint(31)) + r_uint(ord(c))
    print("hash(unsigned) = %d" % intmask(h))
    print("str of a small r_uint: %s" % str(intmask(r_uint(77))))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
