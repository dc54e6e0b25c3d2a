def entry_point(argv):
    for x in (1, "two"):
        print(x)
    return 0
