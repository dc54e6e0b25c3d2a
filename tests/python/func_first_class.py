# functions: functions as values in lists and dicts, passed and returned, __name__, higher-order helpers
def twice(f, x):
    return f(f(x))
def inc(x):
    return x + 1
print(twice(inc, 5), twice(lambda s: s + s, "ab"), inc.__name__, (lambda: 0).__name__)
table = {"inc": inc, "neg": lambda x: -x, "str": str}
print([table[name](3) for name in ("inc", "neg", "str")])
def pipeline(*fs):
    def run(x):
        for f in fs:
            x = f(x)
        return x
    return run
p = pipeline(inc, inc, lambda v: v * 10, str)
print(p(0), repr(p(1)))
def apply_all(fs, v):
    return [f(v) for f in fs]
print(apply_all([abs, str, float, bool], -2))
