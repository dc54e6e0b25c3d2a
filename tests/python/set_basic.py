# set: literals, set(), add, duplicates, len, in, iteration printed sorted, equality, empty set repr
s = {3, 1, 2, 3, 1}
print(sorted(s), len(s), 2 in s, 5 in s, 5 not in s)
s.add(10)
s.add(1)
print(sorted(s), len(s))
t = set([1, 2, 2, 3])
print(sorted(t), set(), len(set("mississippi")), sorted(set("mississippi")))
print({1, 2} == {2, 1}, {1, 2} != {1, 2, 3}, set() == set(), {1, 1.0, True} == {1})
total = 0
for x in s:
    total += x
print(total)
print(sorted({x % 5 for x in range(100)}), {1}, {"only"})
