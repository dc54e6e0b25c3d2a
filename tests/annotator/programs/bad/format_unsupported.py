def entry_point(argv):
    print("%(name)s" % argv[0])
    return 0
