# classes: __eq__ and __hash__ make instances usable as dict keys and set members; != uses __eq__
class Key:
    def __init__(self, a, b):
        self.a = a
        self.b = b
    def __eq__(self, other):
        return isinstance(other, Key) and self.a == other.a and self.b == other.b
    def __hash__(self):
        return hash((self.a, self.b))

k1 = Key(1, "x")
k2 = Key(1, "x")
k3 = Key(2, "y")
print(k1 == k2, k1 != k2, k1 == k3, k1 != k3, k1 is k2, k1 == 5)
d = {k1: "first"}
d[k2] = "second"
d[k3] = "third"
print(len(d), d[Key(1, "x")], d[Key(2, "y")])
s = {k1, k2, k3, Key(2, "y")}
print(len(s), Key(2, "y") in s, Key(3, "z") in s)
print([Key(0, 0), k1].index(Key(1, "x")), [k1, k2, k3].count(k1))
class NoHash:
    def __eq__(self, other):
        return True
try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)
class Plain:
    pass
p = Plain()
print(p == p, p == Plain(), {p: 1}[p])
