class A(object):
    pass
class B(object):
    pass
def entry_point(argv):
    if len(argv) > 1:
        o = A()
    else:
        o = B()
    print(o)
    return 0
