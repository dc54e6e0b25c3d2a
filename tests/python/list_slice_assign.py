# list: slice assignment grows/shrinks the list, extended slices need equal lengths, del of slices
a = list(range(8))
a[2:4] = ["a", "b", "c", "d"]
print(a)
a[1:6] = []
print(a)
a[:0] = [-2, -1]
print(a)
a[len(a):] = [100, 101]
print(a)
a[::2] = ["E"] * ((len(a) + 1) // 2)
print(a)
del a[1::2]
print(a)
del a[:2]
print(a)
b = [1, 2, 3]
b[1:2] = "xyz"
print(b)
try:
    b[::2] = [0]
except ValueError as e:
    print("ValueError:", e)
c = [0, 1, 2, 3, 4, 5]
c[-2:] = [9]
del c[0]
print(c)
