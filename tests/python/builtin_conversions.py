# builtins: int float str bool list tuple dict set constructors on every kind of input
print(int(), float(), str(), bool(), list(), tuple(), dict(), set())
print(int("7"), int(7.9), int(-7.9), int(True), float(3), float("2.5"), float(" -1e2 "), str(3.0), str("y"))
print(list("abc"), list((1, 2)), list(range(3)), list({"a": 1, "b": 2}), list({5}), list(x for x in "hi"))
print(tuple([1, 2]), tuple("hey"), tuple({"k": 1}), tuple(range(2)))
print(dict([(1, 2), (3, 4)]), dict(a=1), dict([("a", 1)], b=2), dict(zip("ab", "xy")), dict({1: 2}))
print(sorted(set([3, 3, 1])), sorted(set("aab")), sorted(set(range(3))), sorted(set({"k": 1})))
print(str([1.0, "a"]), str((1,)), str({"a": None}), str(set()), str(range(2)), str(2**70), str(-0.0))
print(bool("False"), bool([None]), bool(0.0), bool(-1))
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    list(5)
except TypeError as e:
    print("TypeError:", e)
