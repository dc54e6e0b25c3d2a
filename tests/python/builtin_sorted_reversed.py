# builtins: sorted() returns a new list from any iterable; reversed() on lists, tuples, ranges, strings
data = [3, 1, 2]
s = sorted(data)
print(s, data, s is data, sorted("bca"), sorted((3, 1)), sorted({3: "a", 1: "b"}), sorted({2, 1}))
print(sorted(x % 7 for x in range(10)), sorted([], reverse=True), sorted(["b", "A", "a", "B"]))
r = reversed([1, 2, 3])
print(next(r), list(r), list(r))
print(list(reversed((1, 2))), list(reversed(range(3))), "".join(reversed("abc")), list(reversed([])))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(reversed(Seq())))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
