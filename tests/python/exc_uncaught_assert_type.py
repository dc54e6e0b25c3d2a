# uncaught: a TypeError from a built-in operation inside nested function calls and a lambda
def apply(f, x):
    return f(x)

def describe(item):
    return "item " + item

print(apply(describe, "one"))
print(apply(lambda v: describe(v * 2), 21))
