# order of evaluation: arguments left to right, operands before calls, subscripts, dict displays
log = []
def t(x):
    log.append(x)
    return x

def f(*a, **k):
    return a, k

f(t(1), t(2), *[t(3)], k=t(4))
print(log)
log.clear()
r = t(1) + t(2) * t(3)
print(log, r)
log.clear()
d = {t("k1"): t("v1"), t("k2"): t("v2")}
print(log)
log.clear()
lst = [0, 0, 0]
lst[t(1)] = t(2)
print(log, lst)
log.clear()
x = t(1) < t(2) < t(0) < t(99)
print(log, x)
log.clear()
y = t(0) and t(1)
z = t(5) or t(6)
print(log, y, z)
log.clear()
counter = {"n": 0}
def key():
    counter["n"] += 1
    return "a"
store = {"a": 10}
store[key()] += 5
print(store, counter)
log.clear()
t("a") if t(False) else t("b")
print(log)
