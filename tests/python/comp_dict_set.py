# comprehensions: dict and set comprehensions, key collisions keep the last value, sets printed sorted
squares = {n: n * n for n in range(6)}
print(squares)
inverted = {v: k for k, v in squares.items()}
print(inverted)
print({w[0]: w for w in ["apple", "avocado", "banana", "blueberry"]})
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
s = {x % 4 for x in range(20)}
print(sorted(s), len(s), type(s).__name__)
print(sorted({c for c in "mississippi"}), sorted({(x, y) for x in range(2) for y in range(2)}))
nested = {i: {j: i * j for j in range(3)} for i in range(2)}
print(nested)
