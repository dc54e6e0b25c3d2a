"""Integer algorithms: gcd/lcm, integer square root, modular power,
Collatz lengths, prime factorisation, digit sums and base conversion."""

import sys

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def gcd(a, b):
    a = abs(a)
    b = abs(b)
    while b:
        a, b = b, a % b
    return a


def lcm(a, b):
    return a // gcd(a, b) * b


def isqrt(n):
    if n < 2:
        return n
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def powmod(base, exp, mod):
    result = 1
    base %= mod
    while exp > 0:
        if exp & 1:
            result = result * base % mod
        base = base * base % mod
        exp >>= 1
    return result


def collatz_length(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def factorize(n):
    parts = []
    p = 2
    while p * p <= n:
        while n % p == 0:
            parts.append(str(p))
            n //= p
        p += 1
    if n > 1:
        parts.append(str(n))
    return "*".join(parts)


def to_base(n, base):
    if n == 0:
        return "0"
    neg = n < 0
    n = abs(n)
    out = []
    while n > 0:
        out.append(DIGITS[n % base])
        n //= base
    if neg:
        out.append("-")
    out.reverse()
    return "".join(out)


def entry_point(argv):
    print("gcd %d %d %d, lcm %d" % (gcd(1071, 462), gcd(-48, 18), gcd(0, 5), lcm(21, 6)))
    for n in [0, 1, 15, 16, 17, 1000000, 999999999999]:
        print("isqrt(%d) = %d" % (n, isqrt(n)))
    print("powmod: %d %d %d" % (powmod(2, 100, 1000000007), powmod(3, 0, 7), powmod(7, 222, 1000)))
    best = 0
    best_n = 0
    for n in range(1, 3000):
        length = collatz_length(n)
        if length > best:
            best = length
            best_n = n
    print("longest Collatz chain below 3000: %d (%d steps)" % (best_n, best))
    for n in [2, 12, 97, 360, 1001, 65536, 600851475143]:
        print("%d = %s" % (n, factorize(n)))
    for n in [0, 255, -255, 1295, 9223372036854775807]:
        print("%d: bin %s oct %s hex %s b36 %s" % (n, to_base(n, 2), to_base(n, 8), to_base(n, 16), to_base(n, 36)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
