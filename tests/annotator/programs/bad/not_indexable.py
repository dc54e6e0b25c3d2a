def entry_point(argv):
    n = len(argv)
    print(n[0])
    return 0
