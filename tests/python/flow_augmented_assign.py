# control flow: augmented assignment on names, attributes, subscripts and slices; each target evaluated once
class C:
    def __init__(self):
        self.n = 1
        self.items = [1, 2]
c = C()
c.n += 10
c.n *= 2
c.items += [3]
c.items[0] -= 5
print(c.n, c.items)
d = {"a": 1}
d["a"] += 1
d["b"] = d.get("b", 10)
d["b"] //= 3
print(d)
s = "ab"
s *= 3
s += "!"
print(s)
x = 7
x **= 2
x %= 10
x <<= 3
x >>= 1
x |= 1
x &= 0b11111
x ^= 0b101
print(x)
lst = [10, 20, 30]
calls = []
def idx():
    calls.append(1)
    return 1
lst[idx()] += 5
print(lst, len(calls))
f = 1.5
f /= 2
f -= 1
print(f)
