def entry_point(argv):
    fmt = argv[0]
    print(fmt % len(argv))
    return 0
