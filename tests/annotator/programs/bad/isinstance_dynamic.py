class A(object):
    pass
class B(object):
    pass
def check(x, k):
    return isinstance(x, k)
def entry_point(argv):
    print(check(A(), A))
    print(check(A(), B))
    return 0
