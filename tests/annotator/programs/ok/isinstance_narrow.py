class Node(object):
    pass
class Leaf(Node):
    def __init__(self, v):
        self.v = v
class Pair(Node):
    def __init__(self, l, r):
        self.l = l
        self.r = r
def total(n):
    if isinstance(n, Leaf):
        return n.v
    assert isinstance(n, Pair)
    return total(n.l) + total(n.r)
def entry_point(argv):
    print(total(Pair(Leaf(1), Pair(Leaf(2), Leaf(3)))))
    return 0
