# functions: a mutable default is shared between calls; the None idiom gives a fresh object
def bad(item, acc=[]):
    acc.append(item)
    return acc

def good(item, acc=None):
    if acc is None:
        acc = []
    acc.append(item)
    return acc

print(bad(1), bad(2), bad(3))
print(good(1), good(2), good(3, [0]))
def counter(d={}):
    d["n"] = d.get("n", 0) + 1
    return d["n"]
print(counter(), counter(), counter({}), counter())
