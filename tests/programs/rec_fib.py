"""Plain recursion: naive Fibonacci, factorial, power by squaring,
binomial coefficients, sum of digits, and the Tower of Hanoi move count
and first moves."""

import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def power(b, e):
    if e == 0:
        return 1
    half = power(b, e // 2)
    if e % 2 == 0:
        return half * half
    return half * half * b


def binom(n, k):
    if k == 0 or k == n:
        return 1
    return binom(n - 1, k - 1) + binom(n - 1, k)


def digit_sum(n):
    if n < 10:
        return n
    return n % 10 + digit_sum(n // 10)


def hanoi(n, src, dst, via, moves):
    if n == 0:
        return 0
    count = hanoi(n - 1, src, via, dst, moves)
    if len(moves) < 7:
        moves.append(src + dst)
    count += 1
    count += hanoi(n - 1, via, dst, src, moves)
    return count


def entry_point(argv):
    parts = []
    for i in range(20):
        parts.append(str(fib(i)))
    print("fib: " + " ".join(parts))
    print("fib(23) = %d" % fib(23))
    print("20! = %d" % fact(20))
    print("3^39 = %d, 2^62 = %d" % (power(3, 39), power(2, 62)))
    print("C(20, 10) = %d, C(16, 3) = %d" % (binom(20, 10), binom(16, 3)))
    print("digit_sum(9876543210) = %d" % digit_sum(9876543210))
    moves = []
    print("hanoi(12) = %d moves, first: %s" % (hanoi(12, "A", "C", "B", moves), " ".join(moves)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
