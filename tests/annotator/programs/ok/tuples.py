def divmod2(a, b):
    return a // b, a % b
def entry_point(argv):
    q, r = divmod2(17, len(argv))
    t = (q, "x", 1.5)
    print(t[0], t[1], t[2], r)
    return 0
