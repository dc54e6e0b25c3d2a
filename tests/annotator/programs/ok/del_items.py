def entry_point(argv):
    lst = [1, 2, 3, 4, 5]
    del lst[0]
    del lst[-1]
    d = {"a": 1, "b": 2}
    del d["a"]
    print(len(lst), lst[0], len(d), "a" in d)
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
