class Box(object):
    def __init__(self, v):
        self.v = v
def maybe_box(n):
    if n > 2:
        return Box(n)
    return None
def maybe_str(n):
    if n > 2:
        return "big"
    return None
def maybe_list(n):
    if n > 2:
        return [n]
    return None
def entry_point(argv):
    n = len(argv) + 2
    b = maybe_box(n)
    s = maybe_str(n)
    l = maybe_list(n)
    total = 0
    if b is not None:
        total += b.v
    if s is not None:
        total += len(s)
    if l is not None:
        total += l[0]
    if not l:
        total -= 1
    print(total, b is None, s is None)
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
