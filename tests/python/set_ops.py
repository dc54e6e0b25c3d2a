# set: | & - ^ and their method forms, subset/superset comparisons, isdisjoint-free checks
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a > a, {9} <= a, a.issubset(a | b), a.issuperset({1, 2}))
c = set(a)
c |= {100}
c &= {1, 100, 3}
c -= {3}
c ^= {1, 7}
print(sorted(c), sorted(a))
print(sorted(a.union([9, 9], (8,))), sorted(set("abc") & set("bcd")))
