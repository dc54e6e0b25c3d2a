def entry_point(argv):
    s = argv[0]
    print(s - 1)
    return 0
