def entry_point(argv):
    l = [1, 2]
    l.push(3)
    return 0
