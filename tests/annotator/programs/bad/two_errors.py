# Independent errors are all reported in one run: two in entry_point, one
# in parse() (whose failed result does not hide the later ones), and one in
# report().
def add(a, b):
    return a + b


def scale(x):
    return x * 2


def parse(s):
    return s.to_number()


def report(n):
    print(len(n))
    return n


def entry_point(argv):
    total = add(1, 2, 3)
    twice = scale()
    print(total, twice)
    value = parse(argv[0])
    print(value)
    report(5)
    return 0
