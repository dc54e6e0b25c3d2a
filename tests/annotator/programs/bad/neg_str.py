def entry_point(argv):
    print(-argv[0])
    return 0
