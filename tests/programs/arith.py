"""Integer and float arithmetic: Python 3 semantics (floor division and
modulo on negatives, true division), 64-bit wrapping helpers, a sieve."""

import os
import sys

if __name__ == "__main__":  # untranslated: make the repository's rlib importable
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

from rlib.rarith import intmask, ovfcheck


def gcd(a, b):
    while b != 0:
        a, b = b, a % b
    return a


def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = False
    is_prime[1] = False
    i = 2
    while i * i <= n:
        if is_prime[i]:
            j = i * i
            while j <= n:
                is_prime[j] = False
                j += i
        i += 1
    primes = []
    for k in range(n + 1):
        if is_prime[k]:
            primes.append(k)
    return primes


def checked_factorial(n):
    """n! or -1 if it overflows 64 bits."""
    result = 1
    for i in range(2, n + 1):
        try:
            result = ovfcheck(result * i)
        except OverflowError:
            return -1
    return result


def hash_string(s):
    h = 5381
    for c in s:
        h = intmask(h * 33 + ord(c))
    return h


def entry_point(argv):
    for a in [7, -7]:
        for b in [2, -2]:
            print("%d // %d = %d, %d %% %d = %d" % (a, b, a // b, a, b, a % b))
    print("7 / 2 = %s" % str(7 / 2))
    print("abs(-5) = %d, min = %d, max = %d" % (abs(-5), min(3, 9), max(3, 9)))
    print("gcd(1071, 462) = %d" % gcd(1071, 462))
    primes = sieve(100)
    print("%d primes below 100, last %d" % (len(primes), primes[-1]))
    total = 0
    for p in primes:
        total += p
    print("sum of primes: %d" % total)
    for n in [5, 20, 21, 25]:
        print("%d! = %d" % (n, checked_factorial(n)))
    print("wrapped: %d" % intmask(9223372036854775807 + 1))
    print("hash: %d" % hash_string("the quick brown fox jumps over the lazy dog"))
    x = 1.5
    y = x * 4.0 - 0.25
    print("float: %s %s" % (str(y), str(int(y))))
    print("bits: %d %d %d %d" % (0xF0 & 0x3C, 0xF0 | 0x0F, 0xFF ^ 0x0F, 1 << 40))
    print("shift: %d" % (-1024 >> 3))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
