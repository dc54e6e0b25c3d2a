# functions: closures capture variables (cells), not values; counters, adders, and shared cells
def make_adder(n):
    def add(x):
        return x + n
    return add

add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), make_adder(-1)(0))
def make_pair():
    value = [0]
    def get():
        return value[0]
    def put(v):
        value[0] = v
    return get, put
get, put = make_pair()
put(42)
print(get())
def outer():
    x = 1
    def inner():
        return x
    x = 2
    return inner
print(outer()())
def compose(f, g):
    return lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5), compose(str, abs)(-3))
def deep(a):
    def mid(b):
        def leaf(c):
            return a + b + c
        return leaf
    return mid
print(deep(1)(20)(300))
