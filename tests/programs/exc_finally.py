"""try/except/else/finally: which blocks run in which order when the
body succeeds, raises a caught exception, raises an uncaught one (finally
still runs on the way out), returns from inside try, and breaks/continues
out of a loop through finally."""

import sys


class Trace(object):
    def __init__(self):
        self.steps = []

    def add(self, s):
        self.steps.append(s)

    def dump(self, label):
        print("%-22s %s" % (label, " ".join(self.steps)))
        self.steps = []


T = Trace()


def body(kind):
    T.add("body")
    if kind == 1:
        raise ValueError("v")
    if kind == 2:
        raise KeyError("k")
    T.add("body-done")


def run(kind):
    try:
        body(kind)
    except ValueError:
        T.add("except")
    else:
        T.add("else")
    finally:
        T.add("finally")
    T.add("after")


def outer(kind):
    try:
        run(kind)
    except KeyError:
        T.add("outer-except")


def early_return(x):
    try:
        if x > 0:
            return "positive"
        T.add("not-returned")
    finally:
        T.add("finally-%d" % x)
    return "other"


def loop_exits():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            T.add("i%d" % i)
        finally:
            T.add("f%d" % i)
    T.add("loop-done")


def entry_point(argv):
    outer(0)
    T.dump("success:")
    outer(1)
    T.dump("caught:")
    outer(2)
    T.dump("escaping:")
    r = early_return(5)
    T.dump("return %s:" % r)
    r = early_return(-5)
    T.dump("return %s:" % r)
    loop_exits()
    T.dump("loop:")
    n = 0
    try:
        try:
            n += 1
            raise IndexError("inner")
        finally:
            n += 10
    except IndexError:
        n += 100
    print("nested try/finally: %d" % n)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
