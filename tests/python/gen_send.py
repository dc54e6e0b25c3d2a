# generators: send() delivers values into yield expressions; the first send must be None; a running average
def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count

a = averager()
print(next(a))
print(a.send(10), a.send(20), a.send(0))
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    yield received
e = echo()
print(e.send(None), e.send("a"), e.send("b"), e.send(None))
try:
    averager().send(5)
except TypeError as err:
    print("TypeError:", err)
def acc():
    total = 0
    while True:
        total += yield total
g = acc()
next(g)
for v in range(5):
    last = g.send(v)
print(last)
