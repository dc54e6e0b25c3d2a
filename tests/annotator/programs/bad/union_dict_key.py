def entry_point(argv):
    d = {}
    d["one"] = 1
    d[2] = 2
    print(len(d))
    return 0
