def entry_point(argv):
    for i, a in enumerate(argv):
        print(i, a)
    for c in "abc":
        print(c)
    return 0
