# Ints: floor division and modulo by constants on non-negative values are C's
# operators; the general cases call the runtime (ZeroDivisionError); shifts
# by constants are inline; true division gives a float.
def arith(a, b):
    q = a // b
    r = a % b
    t = a / b
    return q + r + int(t) + (a << 3) + (b >> 1) - (a ^ b) + (a & 7) + (a | 1)

def nonneg(n):
    return n // 10 + n % 10

def fib(n):
    # Recursive: the only graph here that keeps its stack_check.
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def entry_point(argv):
    n = len(argv)
    print(arith(n + 7, n + 1))
    print(nonneg(n * 123))
    print(fib(n + 10))
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
