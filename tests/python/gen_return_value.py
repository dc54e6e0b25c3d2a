# generators: return value travels in StopIteration.value; yield from returns it to the delegator
def g():
    yield 1
    yield 2
    return "result"

it = g()
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
def delegator():
    r = yield from g()
    print("  delegated generator returned", r)
    yield r.upper()
print(list(delegator()))
def plain():
    yield 0
try:
    p = plain()
    next(p)
    next(p)
except StopIteration as e:
    print("plain value:", e.value)
