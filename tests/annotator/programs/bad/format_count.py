def entry_point(argv):
    print("%s has %d items" % (argv[0],))
    return 0
