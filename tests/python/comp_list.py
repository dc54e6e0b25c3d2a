# comprehensions: list comprehensions with conditions, nested loops, expressions and function calls
print([x * x for x in range(10)])
print([x for x in range(30) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i, 3)])
print([c.upper() for c in "hello" if c != "l"])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
print([x if x % 2 else -x for x in range(6)])
words = ["apple", "Bob", "cat", "Dog"]
print([w for w in words if w[0].isdigit() or w[0] == w[0].upper()], [len(w) for w in words])
print([n for n in range(2, 40) if all(n % d for d in range(2, n))])
print([y for row in [[1, 2], [3], []] for y in row])
