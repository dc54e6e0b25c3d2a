# bench: recursion: naive Fibonacci (calls, int adds, compares). Argument: n (default 30).
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main(argv):
    n = int(argv[1]) if len(argv) > 1 else 30
    print("fib(%d) = %d" % (n, fib(n)))


main(sys.argv)
