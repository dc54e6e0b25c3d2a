"""Tables computed at translation time by module-level code: a squares
list from a comprehension, a prime sieve run in a loop, a character
class table, and a string built by joining; at run time they are
read-only constants."""

import sys


def _sieve(n):
    flags = [True] * (n + 1)
    flags[0] = False
    flags[1] = False
    for i in range(2, n + 1):
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
    return [i for i in range(n + 1) if flags[i]]


PRIMES = _sieve(200)
SQUARES = [i * i for i in range(32)]
CHAR_CLASS = {}
for _c in "abcdefghijklmnopqrstuvwxyz":
    CHAR_CLASS[_c] = "lower"
    CHAR_CLASS[_c.upper()] = "upper"
for _c in "0123456789":
    CHAR_CLASS[_c] = "digit"
ALPHABET = "".join([chr(ord("a") + i) for i in range(26)])
POWERS_OF_TWO = tuple([1 << i for i in range(10)])


def is_square(n):
    for s in SQUARES:
        if s == n:
            return True
        if s > n:
            return False
    return False


def entry_point(argv):
    print("%d primes below 200, last %d, 10th %d" % (len(PRIMES), PRIMES[-1], PRIMES[9]))
    twin = 0
    for i in range(len(PRIMES) - 1):
        if PRIMES[i + 1] - PRIMES[i] == 2:
            twin += 1
    print("twin prime pairs: %d" % twin)
    found = []
    for n in range(0, 130, 7):
        if is_square(n):
            found.append(str(n))
    print("squares among multiples of 7: " + " ".join(found))
    for c in "aZ5_":
        print("%s: %s" % (c, CHAR_CLASS.get(c, "other")))
    print("alphabet %s (len %d), reversed %s" % (ALPHABET, len(ALPHABET), ALPHABET[::-1][:5]))
    print("powers: %d %d %d, count %d" % (POWERS_OF_TWO[0], POWERS_OF_TWO[5], POWERS_OF_TWO[9], len(POWERS_OF_TWO)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
