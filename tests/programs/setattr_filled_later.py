# Setting an attribute through a list's item that is None when the
# annotator first reaches the store: another function (reached later,
# through a method override) fills the list with instances, so the store
# is typed at the fixpoint, as a read would be.
import os
import sys


class Cell(object):
    def __init__(self, v):
        self.v = v


class Frame(object):
    def __init__(self, n):
        self.cells = [None] * n


class Hook(object):
    def fill(self, f):
        pass


class Space(object):
    def __init__(self):
        self.hook = Hook()


def store(f, i, x):
    f.cells[i].v = x


class RealHook(Hook):
    def fill(self, f):
        i = 0
        while i < len(f.cells):
            f.cells[i] = Cell(i * 10)
            i += 1


space = Space()
space.hook = RealHook()


def entry_point(argv):
    f = Frame(3)
    if len(argv) > 100:
        store(f, 0, 5)
    space.hook.fill(f)
    store(f, 1, len(argv) + 6)
    os.write(1, ("%d %d %d\n" % (f.cells[0].v, f.cells[1].v, f.cells[2].v)).encode())
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
