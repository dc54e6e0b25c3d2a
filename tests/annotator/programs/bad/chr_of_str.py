def entry_point(argv):
    print(chr(argv[0]))
    return 0
