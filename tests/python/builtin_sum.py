# builtins: sum of ints (overflowing to big ints), exact floats, generators, with start; strings rejected
print(sum([1, 2, 3]), sum([]), sum(range(101)), sum([2**62, 2**62, 2**62]), sum([0.5, 0.25, 0.125]))
print(sum([1, 2.5]), sum((x for x in range(4)), 100), sum([[1], [2, 3]], []), sum([True, True, 3]))
print(sum([-2**63, -1]), sum(range(10**6)))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
