# dict: keys()/values()/items() views print like CPython, are live, iterable and support in/len
d = {"a": 1, "b": 2}
k = d.keys()
v = d.values()
it = d.items()
print(k, v, it)
d["c"] = 3
print(k, len(v), ("c", 3) in it, "a" in k, 2 in v, list(it))
for key, value in d.items():
    print(key, value)
print(sorted(d.values(), reverse=True), sum(d.values()), max(d), min(d.items()))
print(list(zip(d.keys(), d.values())), dict(d.items()) == d)
