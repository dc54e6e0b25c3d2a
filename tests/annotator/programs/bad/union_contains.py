def entry_point(argv):
    ids = {1: "one", 2: "two"}
    if argv[0] in ids:
        print("known")
    return 0
