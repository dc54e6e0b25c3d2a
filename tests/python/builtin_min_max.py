# builtins: min/max over iterables and arguments, with key and default; the first of equal items wins
print(max(3, 1, 2), min(3, 1, 2), max([4, 9, 2]), min("hello"), max("a", "b"), max(range(5)))
print(max([1, 2], [1, 3]), min((2, "b"), (2, "a")), max(2.5, 2), min(-0.0, 0.0), max(0.0, -0.0))
words = ["pear", "fig", "banana", "kiwi", "plum"]
print(max(words, key=len), min(words, key=len), max(words, key=lambda w: w[-1]))
print(max([], default="empty"), min([], default=None), max([5], default=0), max((x for x in [3, 8, 1])))
pairs = [(1, "first"), (1, "second"), (0, "zero")]
print(max(pairs, key=lambda p: p[0]), min(pairs, key=lambda p: -p[0]))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min(1)
except TypeError as e:
    print("TypeError:", e)
