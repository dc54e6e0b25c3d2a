# uncaught: an error inside methods and __init__: frames are named by the method names
class Stack:
    def __init__(self, items):
        self.items = list(items)

    def pop(self):
        return self.items.pop()

    def pop_many(self, n):
        return self._pop_loop(n)

    def _pop_loop(self, n):
        out = []
        for _ in range(n):
            out.append(self.pop())
        return out

s = Stack([1, 2, 3])
print(s.pop_many(2))
print(s.pop_many(2))
