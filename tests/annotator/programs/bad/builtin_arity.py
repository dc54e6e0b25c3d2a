def entry_point(argv):
    print(len(argv, argv))
    return 0
