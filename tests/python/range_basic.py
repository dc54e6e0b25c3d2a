# range: one/two/three-argument forms, empty ranges, len, indexing, repr, equality and list()
print(list(range(5)), list(range(2, 6)), list(range(0, 10, 3)), list(range(5, 0)), list(range(0)))
print(range(5), range(1, 5), range(1, 10, 2), len(range(10)), len(range(3, 1)), len(range(0, 10, 3)))
r = range(10, 20, 3)
print(r[0], r[-1], r[1], len(r), list(r))
total = 0
for i in range(1, 101):
    total += i
print(total, sum(range(101)), range(0, 3) == range(0, 3), list(range(-3, 3)))
try:
    r[10]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1, 5, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
