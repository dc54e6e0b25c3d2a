def make_key(items):
    return sorted(items, key=lambda s: len(s))


def process(argv):
    return make_key(argv)


def entry_point(argv):
    print(process(argv))
    return 0
