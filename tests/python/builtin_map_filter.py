# builtins: map with one and several iterables, filter with a function and with None; both lazy
print(list(map(str, [1, 2, 3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(abs, [])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(None, [0, 1, "", "a", None, [], [0]])))
seen = []
def note(x):
    seen.append(x)
    return x * 2
m = map(note, [1, 2, 3])
print(seen, next(m), seen, list(m), seen)
print(sum(map(int, "1 2 3 4".split())), list(map(len, ["", "ab", "abc"])), max(map(abs, [-7, 3])))
print(list(filter(lambda s: s.isdigit(), ["1", "a", "22"])), list(map(lambda s: s.upper(), ["x", "y"])))
