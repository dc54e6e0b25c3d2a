def entry_point(argv):
    print(min(len(argv), argv[0]))
    return 0
