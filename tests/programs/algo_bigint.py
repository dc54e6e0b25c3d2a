"""Arbitrary-precision arithmetic by hand: numbers as lists of base-10000
limbs (least significant first); addition, multiplication by a small int
and by another big number; 2**200, 50! and Fibonacci(300) printed
exactly."""

import sys

BASE = 10000


def from_int(n):
    limbs = []
    while n > 0:
        limbs.append(n % BASE)
        n //= BASE
    if len(limbs) == 0:
        limbs.append(0)
    return limbs


def add(a, b):
    out = []
    carry = 0
    for i in range(max(len(a), len(b))):
        s = carry
        if i < len(a):
            s += a[i]
        if i < len(b):
            s += b[i]
        out.append(s % BASE)
        carry = s // BASE
    if carry:
        out.append(carry)
    return out


def mul_small(a, k):
    out = []
    carry = 0
    for limb in a:
        p = limb * k + carry
        out.append(p % BASE)
        carry = p // BASE
    while carry:
        out.append(carry % BASE)
        carry //= BASE
    return out


def mul(a, b):
    out = [0] * (len(a) + len(b))
    for i in range(len(a)):
        carry = 0
        for j in range(len(b)):
            cur = out[i + j] + a[i] * b[j] + carry
            out[i + j] = cur % BASE
            carry = cur // BASE
        k = i + len(b)
        while carry:
            cur = out[k] + carry
            out[k] = cur % BASE
            carry = cur // BASE
            k += 1
    while len(out) > 1 and out[-1] == 0:
        out.pop()
    return out


def to_str(a):
    parts = [str(a[-1])]
    i = len(a) - 2
    while i >= 0:
        parts.append("%04d" % a[i])
        i -= 1
    return "".join(parts)


def entry_point(argv):
    p = from_int(1)
    for i in range(200):
        p = mul_small(p, 2)
    print("2**200 = " + to_str(p))
    f = from_int(1)
    for i in range(2, 51):
        f = mul_small(f, i)
    print("50! = " + to_str(f))
    a = from_int(0)
    b = from_int(1)
    for i in range(300):
        a, b = b, add(a, b)
    print("fib(300) = " + to_str(a))
    sq = mul(from_int(123456789), from_int(987654321))
    print("123456789 * 987654321 = %s (check %d)" % (to_str(sq), 123456789 * 987654321))
    print("(2**200)**2 has %d digits" % len(to_str(mul(p, p))))
    print("zero: %s, small: %s" % (to_str(from_int(0)), to_str(from_int(10001))))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
