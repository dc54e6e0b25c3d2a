def entry_point(argv):
    if argv[0] < 3:
        print("small")
    return 0
