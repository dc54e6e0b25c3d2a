def pick(n):
    if n > 1:
        return n
    return "small"
def entry_point(argv):
    print(pick(len(argv)))
    return 0
