# list: ==, <, > compare element by element then by length; mixed numeric elements compare by value
print([1, 2] == [1, 2], [1, 2] == [2, 1], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9])
print([1, 2.0] == [1.0, 2], [[1], [2]] < [[1], [3]], ["a", "b"] < ["a", "c"], [1] * 3 == [1, 1, 1])
print(max([[1, 2], [1, 3], [0, 9]]), sorted([[2], [1, 5], [1], []]))
try:
    [1, 2] < [1, "x"]
except TypeError as e:
    print("TypeError:", e)
print([1, "x"] == [1, 2], [None] == [None])
