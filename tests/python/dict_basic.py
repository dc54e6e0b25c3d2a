# dict: literals, lookup, assignment, del, in, len, ==, insertion order, repr, dict() constructors
d = {"one": 1, "two": 2}
d["three"] = 3
d["one"] = 100
print(d, len(d), d["two"], "two" in d, "four" in d, 2 in d)
del d["two"]
print(d, list(d))
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict(zip("abc", range(3))), dict({"k": 0}), dict())
print({1: "a", 2: "b"} == {2: "b", 1: "a"}, {} == {}, {1: 2} != {1: 3})
print({"nested": {"deep": [1, {"x": None}]}, 1.5: (1, 2), None: True, (1, 2): "t"})
d2 = {}
for w in "the cat and the hat and the bat".split():
    d2[w] = d2.get(w, 0) + 1
print(d2)
print({k: v for k, v in d2.items() if v > 1})
