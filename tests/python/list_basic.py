# list: literals, indexing, negative indices, len, +, *, in, del, equality and repr of nested lists
a = [1, 2, 3]
b = ["x", [4, 5], (6,), None, 1.5, True]
print(a, b, [], [[]], len(a), len(b), len([[]]))
print(a[0], a[-1], a[-3], b[1][0], b[1][-1])
print(a + [4], a * 2, [0] * 3, [] * 10, 2 in a, 9 in a, [4, 5] in b, [1, 2] + [])
a[1] = 20
print(a)
del a[0]
print(a)
a[-1] = a[-1] * 10
print(a, a == [20, 30], a != [20, 30], [1, [2, [3, [4]]]])
c = list(range(5))
c[2:4] = []
print(c)
print(list("hi"), list((1, 2)), list({"k": 1}), list(range(3)), list())
try:
    a[5]
except IndexError as e:
    print("IndexError:", e)
try:
    a[-3] = 0
except IndexError as e:
    print("IndexError:", e)
