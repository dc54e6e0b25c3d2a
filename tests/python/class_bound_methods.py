# classes: bound methods remember their instance; methods stored in containers; calling via the class
class Acc:
    def __init__(self, start):
        self.total = start
    def add(self, v):
        self.total += v
        return self.total

a = Acc(0)
b = Acc(100)
add_a = a.add
add_b = b.add
add_a(5)
add_b(5)
add_a(1)
print(a.total, b.total)
ops = [a.add, b.add, a.add]
print([op(10) for op in ops])
print(Acc.add(a, 1000), a.total)
print(list(map(Acc(0).add, [1, 2, 3])))
class Greeter:
    def __init__(self, name):
        self.name = name
    def hello(self):
        return "hi " + self.name
greeters = [Greeter(n) for n in ("x", "y")]
print([g.hello() for g in greeters], [Greeter.hello(g) for g in greeters])
