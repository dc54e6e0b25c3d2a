def entry_point(argv):
    n = len(argv) + 6
    m = -n
    print(n // 4, m // 4, n % 4, m % 4, n ** 2, 2 ** 10)
    x = n * 1.5
    y = -x
    print(x // 2.0, y // 2.0, x % 2.0, y % 2.0, x ** 2, 2.0 ** 0.5, n / 4)
    print(n // 2.0, n % 2.5, x ** 2, n ** 0.5)
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
