# classes: __lt__ drives sorted/min/max; a > b falls back to b.__lt__(a); missing order raises TypeError
class Version:
    def __init__(self, s):
        self.parts = [int(p) for p in s.split(".")]
        self.s = s
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return "V" + self.s

vs = [Version(s) for s in ["1.10", "1.2", "0.9.9", "1.2.1", "2.0", "1.2"]]
print(sorted(vs), min(vs), max(vs), sorted(vs, reverse=True))
print(Version("1.0") < Version("1.1"), Version("2.0") > Version("1.9"), Version("1") > Version("2"))
class Plain:
    pass
try:
    Plain() < Plain()
except TypeError as e:
    print("TypeError:", e)
try:
    Version("1") <= Version("2")
except TypeError as e:
    print("TypeError:", e)
