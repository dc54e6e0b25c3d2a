class Stack(object):
    def __init__(self):
        self.items = []
        self.depth = 0
    def push(self, x):
        self.items.append(x)
        self.depth += 1
def entry_point(argv):
    s = Stack()
    s.push(1)
    print(s.peek())
    return 0
