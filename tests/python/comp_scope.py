# comprehensions: the loop variable does not leak; comprehensions see enclosing and class-free scopes
x = "outer x"
lst = [x for x in range(3)]
print(x, lst)
def f(n):
    k = 10
    return [k * i for i in range(n)]
print(f(3))
def g():
    funcs = [lambda: i for i in range(3)]
    return [fn() for fn in funcs]
print(g())
total = 100
print([total + i for i in range(2)], {i: total for i in range(2)}, sum(total for _ in range(3)))
def h():
    y = 5
    return [[y * a + b for b in range(2)] for a in range(2)]
print(h())
i = "unchanged"
_ = [i for i in "abc"]
print(i)
