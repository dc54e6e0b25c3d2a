def entry_point(argv):
    if len(argv) > 1:
        t = (1, 2)
    else:
        t = (1, 2, 3)
    print(t)
    return 0
