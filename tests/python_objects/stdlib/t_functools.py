# functools: reduce, partial, lru_cache, wraps, total_ordering, cmp_to_key
from functools import reduce, partial, lru_cache, wraps, total_ordering, cmp_to_key, cache
print(reduce(lambda a, b: a * b, range(1, 10)), reduce(lambda a, b: a + b, [], 7))
try:
    reduce(max, [])
except TypeError as e:
    print("TypeError:", e)
def power(base, exp):
    return base ** exp
square = partial(power, exp=2)
print(square(7), partial(power, 2)(10), square.func is power, square.keywords)
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@cache
def twice(x):
    print("computing", x)
    return 2 * x
print(twice(3), twice(3))
def deco(f):
    @wraps(f)
    def inner(*a):
        return f(*a) + 1
    return inner
@deco
def g(x):
    "doc of g"
    return x
print(g(1), g.__name__, g.__doc__)
@total_ordering
class V:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        return self.n == o.n
    def __lt__(self, o):
        return self.n < o.n
print(V(1) <= V(2), V(3) > V(2), V(2) >= V(2), V(1) > V(2))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
