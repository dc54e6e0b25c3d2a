def entry_point(argv):
    t = (1, "two", 3.0)
    i = len(argv)
    print(t[i])
    return 0
