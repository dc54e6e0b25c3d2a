@decorator
@other(arg)
def f(a, b=1, /, c=2, *args, d, e=3, **kwargs) -> "result":
    "docstring"
    global g
    def inner():
        nonlocal a
        yield a
        yield from b
        return
    return lambda x, *y, z=1, **w: x

class C(Base, metaclass=Meta):
    attr = 1
    def method(self):
        return super().method()

def only_kw(*, a, b=2): pass
def only_star(*args): pass
