def classify(n):
    if 0 <= n < 10:
        return "digit"
    elif 10 <= n <= 99:
        return "two"
    return "big"
def entry_point(argv):
    n = len(argv)
    x = 2.5
    print(classify(n), classify(42), classify(500))
    print(n < x, n == 1, n != 2, x >= n, "abc" < "abd", "a" == "a")
    print((1, 2) < (1, 3), 1 < n + 1 <= 3 < 4, n > x > 0.0)
    c = "q"
    print(c == "q", "a" <= c <= "z", c != "x")
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
