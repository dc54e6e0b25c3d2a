# functions: lambdas as values, keys, immediately called, with defaults and conditional bodies
square = lambda x: x * x
print(square(7), (lambda: "no args")(), (lambda a, b=2: a * b)(5), (lambda *a: len(a))(1, 2, 3))
print(sorted([-3, 1, -2], key=lambda v: abs(v)), list(map(lambda s: s[::-1], ["ab", "cd"])))
sign = lambda n: "neg" if n < 0 else ("zero" if n == 0 else "pos")
print([sign(n) for n in (-5, 0, 5)])
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print([ops[o](6, 3) for o in "+-*"])
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3), (lambda **kw: sorted(kw))(z=1, a=2))
