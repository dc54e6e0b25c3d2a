# generators: close() raises GeneratorExit at the yield, finally blocks run, closing twice is harmless
def worker():
    try:
        print("  worker started")
        while True:
            yield "tick"
    except GeneratorExit:
        print("  got GeneratorExit")
        raise
    finally:
        print("  worker cleanup")

w = worker()
print(next(w), next(w))
w.close()
w.close()
print(next(w, "closed generator is exhausted"))
unstarted = worker()
unstarted.close()
print("closing an unstarted generator runs nothing")
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def early_break():
    try:
        for i in range(10):
            yield i
    finally:
        print("  early_break finally")
for v in early_break():
    if v == 2:
        break
print("after the loop")
