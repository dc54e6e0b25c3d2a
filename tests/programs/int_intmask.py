"""intmask: wrapping 64-bit arithmetic made explicit (string hashes, a
linear congruential generator, two's complement views of big values)."""

import os
import sys

if __name__ == "__main__":  # untranslated: make the repository's rlib importable
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

from rlib.rarith import intmask

MAXINT = 9223372036854775807


def djb2(s):
    h = 5381
    for c in s:
        h = intmask((h << 5) + h + ord(c))
    return h


def poly_hash(s):
    h = 0
    for c in s:
        h = intmask(h * 1000003) ^ ord(c)
    return intmask(h ^ len(s))


class Lcg(object):
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = intmask(self.state * 6364136223846793005 + 1442695040888963407)
        return self.state


def entry_point(argv):
    for s in ["", "a", "ab", "hello", "hello world", "The quick brown fox"]:
        print("djb2(%s) = %d, poly = %d" % (s, djb2(s), poly_hash(s)))
    print("MAXINT + 1 -> %d" % intmask(MAXINT + 1))
    print("MAXINT * 2 -> %d" % intmask(MAXINT * 2))
    print("MAXINT * MAXINT -> %d" % intmask(MAXINT * MAXINT))
    print("-MAXINT - 2 -> %d" % intmask(-MAXINT - 2))
    print("1 << 63 -> %d, 1 << 64 -> %d" % (intmask(1 << 63), intmask(1 << 64)))
    print("(MAXINT << 1) | 1 -> %d" % intmask((MAXINT << 1) | 1))
    print("small values unchanged: %d %d %d" % (intmask(0), intmask(-42), intmask(123456789)))
    gen = Lcg(42)
    out = []
    for i in range(6):
        out.append(str(gen.next()))
    print("lcg: " + " ".join(out))
    buckets = [0] * 8
    for i in range(800):
        v = gen.next()
        buckets[(v >> 33) % 8] += 1
    parts = []
    for b in buckets:
        parts.append(str(b))
    print("buckets: " + " ".join(parts))
    acc = 1
    for i in range(1, 40):
        acc = intmask(acc * i)
    print("39! mod 2**64 (signed) = %d" % acc)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
