# @specialize.memo(): a call whose arguments are prebuilt constants runs at
# translation time (in the module evaluator); the result is a constant and
# the function has no run-time graph.
from rlib.objectmodel import specialize


class Op(object):
    def __init__(self, name, arity):
        self.name = name
        self.arity = arity


ADD = Op("add", 2)
NEG = Op("neg", 1)


@specialize.memo()
def signature(op):
    return op.name + "/" + str(op.arity)


@specialize.memo()
def both_arities(a, b):
    return a.arity + b.arity


def entry_point(argv):
    print(signature(ADD))
    print(signature(NEG))
    total = both_arities(ADD, NEG)
    print(total + len(argv))
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
