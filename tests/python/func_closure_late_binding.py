# functions: closures made in a loop see the loop variable's last value; default args freeze it
fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
gs = []
for i in range(3):
    gs.append(lambda i=i: i)
print([g() for g in gs])
hs = [lambda x, k=k: x * k for k in range(1, 4)]
print([h(10) for h in hs])
def make():
    out = []
    for j in range(3):
        def f():
            return j * 100
        out.append(f)
    return out
print([f() for f in make()])
