# generators: generator expressions are lazy, single-pass, and bind the first iterable eagerly
log = []
def src(n):
    for i in range(n):
        log.append(i)
        yield i
g = (x * 10 for x in src(5))
print(log)
print(next(g), log)
print(list(g), log, list(g))
print(sum(x * x for x in range(10)), max(len(w) for w in "a bb ccc".split()), any(x > 3 for x in [1, 5]))
xs = [1, 2, 3]
g2 = (x for x in xs)
xs = [100]
print(list(g2))
pairs = ((a, b) for a in range(3) for b in range(a))
print(list(pairs))
print(dict((c, ord(c)) for c in "ab"), set(x % 3 for x in range(10)) == {0, 1, 2}, tuple(c for c in "hi"))
