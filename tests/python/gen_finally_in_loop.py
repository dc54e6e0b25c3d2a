# generators: try/finally and with around yield; cleanup when exhausted, closed, or garbage-free closed explicitly
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("  open", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("  close", self.name)
        return False

def lines(name, n):
    with Resource(name):
        for i in range(n):
            yield "%s line %d" % (name, i)

for line in lines("full", 2):
    print(line)
g = lines("partial", 5)
print(next(g))
g.close()
print("done")
