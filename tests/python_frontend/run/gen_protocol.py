# generators: send, throw, close, yield from with return values, finally in generators
def counter(n):
    try:
        i = 0
        while i < n:
            received = yield i
            if received is not None:
                i = received
            else:
                i += 1
        return "counted"
    finally:
        print("counter finally")

def delegator():
    result = yield from counter(3)
    print("delegated result", result)
    try:
        yield "after"
    except ValueError as e:
        yield "caught " + str(e)

g = delegator()
print(next(g), g.send(2), next(g))
print(g.throw(ValueError("boom")))
g.close()

def closing():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("got GeneratorExit")
        raise
    finally:
        print("closing finally")
c = closing()
next(c)
c.close()

def with_gen():
    with Ctx():
        yield "in with"
        yield "still in"
class Ctx:
    def __enter__(self):
        print("ctx enter")
    def __exit__(self, *a):
        print("ctx exit", a[0])
w = with_gen()
print(next(w))
w.close()

def throw_into_delegate():
    def inner():
        try:
            yield 1
        except KeyError:
            yield "inner caught"
    yield from inner()
t = throw_into_delegate()
print(next(t), t.throw(KeyError))

print(list(x * 2 for x in range(4) if x), sum((i for i in range(5)), 100))
def gen_return():
    yield 1
    return 5
try:
    g = gen_return(); next(g); next(g)
except StopIteration as e:
    print("StopIteration value", e.value)
def nested_gens():
    for i in range(2):
        yield from (j for j in range(i, i + 2))
print(list(nested_gens()))
