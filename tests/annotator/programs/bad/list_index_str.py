def entry_point(argv):
    print(argv["first"])
    return 0
