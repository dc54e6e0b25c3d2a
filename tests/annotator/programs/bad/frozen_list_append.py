TABLE = [1, 2, 3]


def remember(x):
    TABLE.append(x)


def step(n):
    remember(n)
    return n


def entry_point(argv):
    print(step(len(argv)))
    return 0
