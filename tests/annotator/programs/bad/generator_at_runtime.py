def total(items):
    return sum(len(s) for s in items)


def entry_point(argv):
    print(total(argv))
    return 0
