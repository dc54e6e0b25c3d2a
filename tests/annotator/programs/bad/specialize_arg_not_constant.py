from rlib.objectmodel import specialize


@specialize.arg(0)
def repeat(times, s):
    return s * times


def entry_point(argv):
    print(repeat(2, "ab"))
    print(repeat(len(argv), "cd"))
    return 0
