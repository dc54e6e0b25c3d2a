# A call family: two functions with one signature stored in a variable are
# called indirectly through a function pointer; a class chosen at run time
# is instantiated through a dispatcher graph.
def double(x):
    return x * 2

def square(x):
    return x * x

class A(object):
    def __init__(self, v):
        self.v = v

class B(A):
    pass

def entry_point(argv):
    n = len(argv)
    f = double
    if n > 3:
        f = square
    print(f(n + 1))
    cls = A
    if n > 2:
        cls = B
    obj = cls(n)
    print(obj.v)
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
