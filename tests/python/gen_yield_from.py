# generators: yield from iterables and generators, nested delegation, send passing through, flattening
def chain(*iterables):
    for it in iterables:
        yield from it

print(list(chain([1, 2], "ab", range(3), (x * x for x in range(3)))))
def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, [5]]]], [], [[6]], 7])))
def inner():
    got = yield "inner ready"
    while got is not None:
        got = yield "inner got " + str(got)
    return "inner done"
def outer():
    result = yield from inner()
    yield "outer saw " + result
o = outer()
print(next(o), o.send(1), o.send(2), o.send(None))
def tree(n):
    if n > 0:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))
