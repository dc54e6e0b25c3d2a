class A(object):
    pass
def entry_point(argv):
    a = None
    a.foo = 3
    return 0
