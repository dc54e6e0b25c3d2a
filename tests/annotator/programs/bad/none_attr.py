class A(object):
    pass
def entry_point(argv):
    a = None
    print(a.foo)
    return 0
