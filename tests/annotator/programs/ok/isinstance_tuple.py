class Expr(object):
    pass
class Num(Expr):
    def __init__(self, n):
        self.n = n
class Add(Expr):
    def __init__(self, l, r):
        self.l = l
        self.r = r
class Mul(Expr):
    def __init__(self, l, r):
        self.l = l
        self.r = r
def binop(e):
    if isinstance(e, (Add, Mul)):
        return 1
    return 0
def ev(e):
    if isinstance(e, Num):
        return e.n
    elif isinstance(e, Add):
        return ev(e.l) + ev(e.r)
    elif isinstance(e, Mul):
        return ev(e.l) * ev(e.r)
    return 0
def entry_point(argv):
    e = Add(Num(2), Mul(Num(3), Num(4)))
    print(ev(e), binop(e), binop(Num(1)))
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
