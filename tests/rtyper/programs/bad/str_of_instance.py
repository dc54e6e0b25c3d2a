# str() of an instance of a plain class: CPython prints its address, which
# a translated program cannot reproduce: rejected with the location.
class Point(object):
    def __init__(self, x):
        self.x = x

def entry_point(argv):
    p = Point(len(argv))
    print(str(p))
    return 0
