"""Integer-loop benchmark: a sieve, then N rounds of integer arithmetic.

    python3 bench/programs/intloop.py [N]

Sieves the primes below 1000 into a list, then runs N rounds (default
9,000,000) of: a linear congruential generator step (a helper call), a
table lookup by bit ops, `%` and `//` by a prime, shifts, and, or, xor.
Every value stays non-negative and below 2**63, so CPython's unbounded ints
and 64-bit machine ints agree.  The work per round is constant, so the
running time is linear in N.  Prints one integer checksum;
bench/programs/intloop.cpp computes the same.
"""

import sys

MASK31 = 2147483647
MASK40 = 1099511627775


def sieve(limit):
    flags = [True] * limit
    flags[0] = False
    flags[1] = False
    primes = []
    for i in range(2, limit):
        if flags[i]:
            primes.append(i)
            j = i * i
            while j < limit:
                flags[j] = False
                j += i
    return primes


def lcg(x):
    return (x * 1103515245 + 12345) & MASK31


def run(n, primes):
    # 128 table entries: the primes from the 41st on (all above 170).
    table = primes[40:168]
    x = 12345
    acc = 0
    for i in range(n):
        x = lcg(x)
        p = table[(x >> 9) & 127]
        q = x // 1009
        r = x % 61
        if (r & 1) == 0:
            acc += q + p * r
        else:
            acc ^= (r << 13) | (i & 8191) | p
        acc &= MASK40
    return acc


def entry_point(argv):
    n = 9000000
    if len(argv) > 1:
        n = int(argv[1])
    primes = sieve(1000)
    print("primes: %d, last %d" % (len(primes), primes[-1]))
    print("checksum: %d" % run(n, primes))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
