def one(x):
    return x


def two(x, y):
    return x + y


def entry_point(argv):
    f = one
    if len(argv) > 1:
        f = two
    print(f(1))
    return 0
