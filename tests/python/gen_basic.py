# generators: yield suspends and resumes with locals intact; next(), for, list(), exhaustion
def count_up(n):
    print("  start")
    i = 0
    while i < n:
        print("  yielding", i)
        yield i
        i += 1
    print("  end")

g = count_up(3)
print("created", type(g).__name__)
print(next(g))
print(next(g))
for v in g:
    print("loop got", v)
print(list(count_up(0)), list(g), next(g, "exhausted"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def gen_with_return():
    yield 1
    return
    yield 2
print(list(gen_with_return()))
