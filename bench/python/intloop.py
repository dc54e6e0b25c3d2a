# bench: integer loops: Collatz chain lengths with a cache list, then an LCG with shifts and masks.
# Argument: N, the Collatz bound (default 300000); the LCG runs 4*N rounds.
import sys


def collatz_longest(limit):
    cache = [0] * limit
    cache[1] = 1
    best = 1
    best_len = 1
    for start in range(2, limit):
        n = start
        steps = 0
        while n >= start:
            if n & 1:
                n = 3 * n + 1
            else:
                n = n >> 1
            steps += 1
        length = steps + cache[n]
        cache[start] = length
        if length > best_len:
            best_len = length
            best = start
    return best, best_len


def lcg(rounds):
    s = 42
    acc = 0
    for i in range(rounds):
        s = (s * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        acc ^= (s >> 33) + i
        acc &= 0xFFFFFFFF
    return acc


def main(argv):
    n = int(argv[1]) if len(argv) > 1 else 300000
    best, length = collatz_longest(n)
    print("collatz below %d: %d (%d steps)" % (n, best, length))
    print("lcg checksum %d" % lcg(4 * n))


main(sys.argv)
