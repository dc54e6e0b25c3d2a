def entry_point(argv):
    name = argv[0]
    print("count: %d" % name)
    return 0
