# rlib.jit hints outside a JIT build: promote and hint(promote=True) become
# jit_promote (a no-op in normal code); hint(access_directly=True) and the
# other virtualizable hints lower to the value itself.
import sys
if __name__ == "__main__":
    sys.path.append(".")
from rlib.jit import hint, promote

class Frame(object):
    _virtualizable_ = ['depth']

    def __init__(self, depth):
        self.depth = depth

def entry_point(argv):
    f = hint(Frame(len(argv)), access_directly=True, fresh_virtualizable=True)
    g = hint(f, promote=True)
    n = promote(g.depth + 1)
    print(hint(n, promote=False))
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
