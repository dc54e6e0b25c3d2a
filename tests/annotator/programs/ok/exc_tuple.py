class ParseError(Exception):
    def __init__(self, msg, pos):
        self.msg = msg
        self.pos = pos
class EvalError(Exception):
    def __init__(self, msg, pos):
        self.msg = msg
        self.pos = pos
def step(n):
    if n == 1:
        raise ParseError("bad token", 3)
    if n == 2:
        raise EvalError("bad value", 7)
    if n == 3:
        raise ValueError("plain")
    return n
def run(n):
    try:
        return step(n)
    except (ParseError, EvalError) as e:
        return e.pos
    except ValueError:
        return -1
def entry_point(argv):
    print(run(1), run(2), run(3), run(4))
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
