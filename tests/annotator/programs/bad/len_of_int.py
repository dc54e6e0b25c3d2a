def entry_point(argv):
    print(len(5))
    return 0
