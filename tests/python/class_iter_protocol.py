# classes: __iter__ returning self with __next__, or a generator; for, list, zip, next() and StopIteration
class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)
    def __iter__(self):
        yield self.value
        for c in self.children:
            for v in c:
                yield v

print(list(Countdown(3)), [x * 2 for x in Countdown(4)])
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
for x in c:
    print("never", x)
t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(t), sum(t), list(zip(t, Countdown(10))))
it = iter(t)
print(next(it), next(it))
try:
    next(Countdown(0))
except StopIteration:
    print("StopIteration raised")
