# generators: throw() raises inside the generator at the yield; it may catch and continue or finish
def resilient():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("  handled inside:", e)

r = resilient()
print(next(r))
print(r.throw(ValueError("first")))
print(r.throw(ValueError("second")))
def fragile():
    yield 1
    yield 2
f = fragile()
next(f)
try:
    f.throw(KeyError("boom"))
except KeyError as e:
    print("propagated out:", repr(e))
print(next(f, "finished after throw"))
