"""Shifts and bitwise operators on 64-bit ints: &, |, ^, ~, << and >> on
positive and negative values, popcount, bit reversal, masks."""

import sys


def popcount(x):
    n = 0
    while x != 0:
        x &= x - 1
        n += 1
    return n


def bits(x, width):
    out = []
    i = width - 1
    while i >= 0:
        if (x >> i) & 1:
            out.append("1")
        else:
            out.append("0")
        i -= 1
    return "".join(out)


def reverse_bits(x, width):
    r = 0
    for i in range(width):
        r = (r << 1) | ((x >> i) & 1)
    return r


def entry_point(argv):
    a = 0b1100101011
    b = 0x3F0
    print("a & b = %d, a | b = %d, a ^ b = %d" % (a & b, a | b, a ^ b))
    print("~a = %d, ~0 = %d, ~-1 = %d" % (~a, ~0, ~(-1)))
    print("bits(a) = " + bits(a, 12))
    print("reverse = " + bits(reverse_bits(a, 12), 12))
    for n in [0, 1, 7, 255, 256, 1023, -1 & 0xFFFF]:
        print("popcount(%d) = %d" % (n, popcount(n)))
    for s in [0, 1, 4, 31, 32, 62]:
        print("1 << %d = %d" % (s, 1 << s))
    for v in [1000, -1000, -1, 1]:
        print("%d >> 3 = %d, %d << 3 = %d" % (v, v >> 3, v, v << 3))
    print("-17 >> 1 = %d, -17 >> 10 = %d" % (-17 >> 1, -17 >> 10))
    mask = (1 << 16) - 1
    print("low 16 of 0x12345678 = %x, high = %x" % (0x12345678 & mask, 0x12345678 >> 16))
    print("-1 & 0xFF = %d, -256 | 15 = %d, -6 ^ 3 = %d" % (-1 & 0xFF, -256 | 15, -6 ^ 3))
    flags = 0
    for bit in [0, 3, 5, 3, 9]:
        flags ^= 1 << bit
    print("toggled flags = " + bits(flags, 10))
    x = 5
    x <<= 4
    x |= 3
    x >>= 1
    x &= 0x2F
    print("augmented x = %d" % x)
    print("xor swap:")
    p = 12
    q = 34
    p ^= q
    q ^= p
    p ^= q
    print("p = %d, q = %d" % (p, q))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
