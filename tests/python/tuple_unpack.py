# tuple: unpacking assignments, swaps, nested targets, loops over pairs, and count mismatches
a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = (1, 2), 3
print(x, y, z)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
p, q, r = "xyz"
print(p, q, r)
m, n = [10, 20]
print(m + n)
i = 0
lst = [0, 0]
i, lst[i] = 1, 5
print(i, lst)
for bad in ([1, 2, 3], [1]):
    try:
        u, v = bad
    except ValueError as e:
        print("ValueError:", e)
try:
    u, v, w = (1, 2)
except ValueError as e:
    print("ValueError:", e)
