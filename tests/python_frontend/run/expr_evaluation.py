# expressions: order of evaluation, chained comparisons, unpacking, calls, displays
log = []
def t(name, value):
    log.append(name)
    return value

print(t("a", 1) < t("b", 2) < t("c", 0) < t("d", 5), log)
log.clear()
print(t("a", 1) and t("b", 0) or t("c", "x"), log)
log.clear()
d = {}
d[t("k", "key")] = t("v", "value")
print(log, d)
log.clear()
x = [0, 0, 0]
x[t("i", 1)] += t("rhs", 5)
print(log, x)

class Obj:
    pass
o = Obj()
o.n = 1
o.n += 41
print(o.n)

a, (b, *c), d2 = 1, (2, 3, 4, 5), 6
print(a, b, c, d2)
first, *rest = "hello"
*init, last = [1, 2, 3]
print(first, rest, init, last)
[p, q] = (r, s) = 7, 8
print(p, q, r, s)

def f(*args, **kw):
    return args, sorted(kw.items())
print(f(1, *[2, 3], 4, *(5,), k=1, **{"z": 2}, m=3))
print(f(*"ab", **dict(x=1)))
try:
    f(**{"a": 1}, a=2)
except TypeError as e:
    print("TypeError", e)

print([*range(3), *"ab", 9], (*[1], 2), {*"aab", 3} == {"a", "b", 3})
print({"a": 1, **{"b": 2, "a": 3}, "c": 4})
print({1: "x", 2: "y"}, {"k" + str(i): i for i in range(3)})
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, ~5, not 0, -(-3))
print(7 // 2, -7 // 2, 7 % -3, 1 if 0 else 2, "yes" if [] else "no")
print(1 < 2 == 2 > 1, None is not None, 3 not in [1, 2], "a" in "abc")
print(0x_ff, 0o17, 0b1010, 1_000_000, 1e3, 1.5e-2, .5, 5., 123456789012345678901234567890)
print(0xffffffffffffffffffff, -9223372036854775808, 9223372036854775807 + 1)
lst = list(range(10))
print(lst[2:8:2], lst[::-1], lst[-3:], lst[:2], lst[slice(1, 3)])
class Sl:
    def __getitem__(self, k):
        return k
print(Sl()[1:2, ::3, ...], Sl()[:], Sl()[1:2:3])
name = "world"
width = 8
print(f"hello {name!r:>{width}} {3.14159:.2f} {name=} {{braces}} {'nested ' + f'{name}'}")
print(f"{1+1}" f"{'x'}" "plain", f"""multi
line {name}""")
print((lambda x, y=2, *a, k=3, **kw: (x, y, a, k, kw))(1, k=4, z=5))
print(b"bytes\x00" + b"more", "\u00e9", "tab\tnew\\n", r"raw\n")
