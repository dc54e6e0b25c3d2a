# classes: __len__ and __getitem__ make a sequence: len, indexing, slicing, in, and for via __getitem__
class Squares:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i < 0:
            i += self.n
        if i < 0 or i >= self.n:
            raise IndexError("squares index out of range")
        return i * i

s = Squares(6)
print(len(s), s[0], s[5], s[-1], 16 in s, 17 in s, list(s), [x for x in s if x % 2])
total = 0
for v in s:
    total += v
print(total, sum(s), max(s), sorted(s, reverse=True)[:2])
try:
    s[6]
except IndexError as e:
    print("IndexError:", e)
