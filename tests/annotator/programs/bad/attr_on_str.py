def entry_point(argv):
    s = argv[0]
    print(s.length)
    return 0
