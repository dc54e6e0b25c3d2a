def entry_point(argv):
    d = {"x": 1.5, "y": 2.5}
    for i, k in enumerate(d):
        print(i, k)
    for i, kv in enumerate(d.items()):
        k, v = kv
        print(i, k, v)
    for i, v in enumerate(d.values()):
        print(i, v)
    for i, c in enumerate("ab"):
        print(i, c)
    for i, n in enumerate((3, 4)):
        print(i, n)
    print(int("ff", 16), int("-12"))
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
