# list: sort() and sorted() on ints, strings, tuples; reverse; key; sort is in place and returns None
a = [5, 2, 9, -1, 5, 0, 2**64, -2**64, 3]
r = a.sort()
print(a, r)
a.sort(reverse=True)
print(a)
words = ["kiwi", "fig", "banana", "apple", "date", "cherry"]
print(sorted(words), sorted(words, key=len), sorted(words, key=len, reverse=True))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a"), (0, "q")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), max(pairs), min(pairs))
print(sorted([3.5, 1, 2.25, -0.5]), sorted([]), sorted([1]), sorted("cba"))
nested = [[3, 1], [2], [3, 0], [], [2, 5]]
nested.sort()
print(nested)
try:
    [1, "a", 2].sort()
except TypeError as e:
    print("TypeError:", e)
