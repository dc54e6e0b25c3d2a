# generators: each generator object has its own state; interleaving two; generators in a class
def counter(name, n):
    for i in range(n):
        yield "%s%d" % (name, i)

a = counter("a", 3)
b = counter("b", 2)
out = []
while True:
    x = next(a, None)
    y = next(b, None)
    if x is None and y is None:
        break
    out.append((x, y))
print(out)
class Range2:
    def __init__(self, n):
        self.n = n
    def evens(self):
        for i in range(0, self.n, 2):
            yield i
    def __iter__(self):
        return self.evens()
r = Range2(9)
print(list(r), list(r.evens()), sum(r), [x for x in r if x > 2])
g = counter("z", 2)
print(iter(g) is g, list(g), list(g))
