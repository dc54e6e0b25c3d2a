def entry_point(argv):
    s = argv[0]
    s[0] = "x"
    return 0
