def entry_point(argv):
    d = {1: 2}
    print(d[1:])
    return 0
