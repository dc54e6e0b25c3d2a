def entry_point(argv):
    s = argv[0]
    print(s.replace("a", 1))
    return 0
