class Resource(object):
    def __init__(self):
        self.closed = False
        self.uses = 0
def parse(s):
    if not s.isdigit():
        raise ValueError(s)
    return int(s)
def use(r, s):
    r.uses += 1
    try:
        n = parse(s)
    except ValueError:
        n = -1
    else:
        n = n * 2
    finally:
        r.closed = True
    return n
def entry_point(argv):
    r = Resource()
    print(use(r, "21"), use(r, "x"), r.closed, r.uses)
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
