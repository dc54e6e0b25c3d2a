"""`except (A, B) as e`: tuples of user classes and of built-ins, the
bound exception used in the handler, isinstance on it to tell the cases
apart, and a tuple clause followed by a catch-all."""

import sys


class ParseError(Exception):
    def __init__(self, pos):
        self.pos = pos


class LexError(Exception):
    def __init__(self, pos):
        self.pos = pos


class EvalError(Exception):
    def __init__(self, what):
        self.what = what


def step(kind):
    if kind == 0:
        raise ParseError(3)
    if kind == 1:
        raise LexError(7)
    if kind == 2:
        raise EvalError("div")
    if kind == 3:
        raise ValueError("bad value")
    if kind == 4:
        raise IndexError("bad index")
    if kind == 5:
        d = {"present": kind}
        return d["missing"]
    return kind


def run(kind):
    try:
        return "ok %d" % step(kind)
    except (ParseError, LexError) as e:
        if isinstance(e, ParseError):
            return "parse error at %d" % e.pos
        return "lex error"
    except (ValueError, IndexError) as e:
        return "builtin: " + str(e)
    except Exception:
        return "something else"


def entry_point(argv):
    for kind in range(7):
        print("%d: %s" % (kind, run(kind)))
    hits = 0
    for kind in range(7):
        try:
            step(kind)
        except (KeyError, EvalError, ParseError):
            hits += 1
        except Exception:
            pass
    print("KeyError/EvalError/ParseError hits: %d" % hits)
    try:
        step(5)
    except (IndexError, KeyError) as e:
        print("lookup error: %s, is KeyError %s" % (str(e), str(isinstance(e, KeyError))))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
