def entry_point(argv):
    words = argv[1:]
    words.sort(reverse=True)
    return 0
