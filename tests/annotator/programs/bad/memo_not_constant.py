from rlib.objectmodel import specialize


@specialize.memo()
def double(n):
    return n * 2


def entry_point(argv):
    print(double(len(argv)))
    return 0
