def entry_point(argv):
    d = {"a": 1}
    d["b"] = 2.5
    d["c"] = "x"
    print(len(d))
    return 0
