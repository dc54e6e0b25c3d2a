def entry_point(argv):
    n = len(argv)
    for x in n:
        print(x)
    return 0
