# tuple: literals (incl. one-element and empty), indexing, slicing, +, *, in, count, index, hashability
t = (1, "two", 3.0, None)
print(t, (), (1,), (1), tuple(), len(t), t[1], t[-1], t[1:3], t[::-1])
print(t + (5,), (0,) * 3, 3.0 in t, t.count(None), (1, 2, 1).count(1), t.index("two"))
print(tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple((1,)) == (1,))
x = 1, 2, 3
print(x, type(x).__name__)
d = {(1, 2): "pair", (): "empty"}
print(d[(1, 2)], d[()], (1, 2) in d)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
try:
    hash(([1],))
except TypeError as e:
    print("TypeError:", e)
