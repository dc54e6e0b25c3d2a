# generators: a lazy pipeline (source -> filter -> map -> take) pulls only what it needs
pulled = []
def naturals():
    n = 0
    while True:
        pulled.append(n)
        yield n
        n += 1

def only_odd(it):
    for x in it:
        if x % 2:
            yield x

def squared(it):
    for x in it:
        yield x * x

def take(n, it):
    for x in it:
        if n <= 0:
            return
        n -= 1
        yield x

print(list(take(5, squared(only_odd(naturals())))), len(pulled))
def running_sum(it):
    s = 0
    for x in it:
        s += x
        yield s
print(list(running_sum(range(1, 11))))
words = "the quick brown fox jumps over the lazy dog".split()
lengths = (len(w) for w in words)
long_ones = (n for n in lengths if n > 3)
print(list(long_ones))
