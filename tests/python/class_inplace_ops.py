# classes: += uses __iadd__ when defined (in place, same object) and falls back to __add__ (new object)
class Bag:
    def __init__(self):
        self.items = []
    def __iadd__(self, item):
        self.items.append(item)
        return self

class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Num(self.v + o)
    def __mul__(self, o):
        return Num(self.v * o)

b = Bag()
alias = b
b += "apple"
b += "pear"
print(b.items, alias is b, alias.items)
n = Num(1)
keep = n
n += 5
n *= 3
print(n.v, keep.v, n is keep)
lst = [Num(1), Num(2)]
lst[0] += 10
print(lst[0].v)
