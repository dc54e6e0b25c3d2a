# builtins: iter() on containers and iterators, next() with and without a default, StopIteration
it = iter([1, 2])
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
s = iter("ab")
print(next(s), list(s))
d = iter({"x": 1, "y": 2})
print(list(d))
t = iter((5,))
print(iter(t) is t, next(t))
r = iter(range(3))
print(sum(r), list(r))
nested = iter([iter([1, 2]), iter([3])])
print([list(x) for x in nested])
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
