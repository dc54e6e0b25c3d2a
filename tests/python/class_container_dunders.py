# classes: a dict-like class with __getitem__/__setitem__-free storage, __len__, __iter__, __eq__ and __repr__
class Registry:
    def __init__(self):
        self._data = {}
    def register(self, key, value):
        self._data[key] = value
        return self
    def __getitem__(self, key):
        return self._data[key]
    def __len__(self):
        return len(self._data)
    def __iter__(self):
        return iter(sorted(self._data))
    def __eq__(self, other):
        return isinstance(other, Registry) and self._data == other._data
    def __repr__(self):
        return "Registry(%s)" % ", ".join("%s=%r" % (k, self._data[k]) for k in self)

r = Registry().register("b", 2).register("a", [1])
print(r, len(r), r["a"], list(r), r == Registry().register("a", [1]).register("b", 2))
try:
    r["zz"]
except KeyError as e:
    print("KeyError:", e)
print(dict((k, r[k]) for k in r), "a" in list(r), sorted(r, reverse=True))
