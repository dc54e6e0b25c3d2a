# Recursion: a tree walk that marks nodes (self-recursive) and a pair of
# mutually recursive functions; the fixpoint gives each the effects of the
# whole cycle.
from rlib.jit import JitDriver, dont_look_inside

driver = JitDriver(greens=[], reds=['n', 'acc', 'tree', 'p'])


class Node(object):
    def __init__(self, value, left, right):
        self.value = value
        self.left = left
        self.right = right
        self.visits = 0


@dont_look_inside
def walk(node):
    if node is None:
        return 0
    node.visits += 1
    return node.value + walk(node.left) + walk(node.right)


class Parity(object):
    def __init__(self):
        self.steps = 0


def is_even(p, k):
    if k == 0:
        return True
    return is_odd(p, k - 1)


def is_odd(p, k):
    p.steps += 1
    if k == 0:
        return False
    return is_even(p, k - 1)


@dont_look_inside
def parity(p, k):
    if is_even(p, k):
        return 1
    return 0


def run(n):
    acc = 0
    tree = Node(1, Node(2, None, None), Node(3, None, None))
    p = Parity()
    while n > 0:
        driver.jit_merge_point(n=n, acc=acc, tree=tree, p=p)
        acc += walk(tree) + parity(p, n)
        n -= 1
    return acc


def entry_point(argv):
    print(run(len(argv) + 10))
    return 0
