def describe(s):
    if isinstance(s, str):
        return len(s)
    return -1
def pick(n):
    if n > 1:
        return "many"
    return None
def entry_point(argv):
    n = len(argv)
    x = 2.5
    print(isinstance(n, int), isinstance(x, float), isinstance(n, str), isinstance(x, (int, float)))
    print(describe(pick(n)), describe(pick(5)))
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
