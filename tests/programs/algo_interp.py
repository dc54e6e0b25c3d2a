"""A tiny tree-walking interpreter: an AST of classes with an overridden
eval method, variables in a dict environment, while loops and
assignments, run on a few programs built at run time (factorial, gcd,
sum of squares)."""

import sys


class Node(object):
    def eval(self, env):
        raise NotImplementedError("eval")


class Const(Node):
    def __init__(self, value):
        self.value = value

    def eval(self, env):
        return self.value


class Var(Node):
    def __init__(self, name):
        self.name = name

    def eval(self, env):
        return env[self.name]


class BinOp(Node):
    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right

    def eval(self, env):
        a = self.left.eval(env)
        b = self.right.eval(env)
        if self.op == "+":
            return a + b
        if self.op == "-":
            return a - b
        if self.op == "*":
            return a * b
        if self.op == "%":
            return a % b
        if self.op == "<":
            return int(a < b)
        return int(a != b)


class Assign(Node):
    def __init__(self, name, expr):
        self.name = name
        self.expr = expr

    def eval(self, env):
        env[self.name] = self.expr.eval(env)
        return 0


class While(Node):
    def __init__(self, cond, body):
        self.cond = cond
        self.body = body

    def eval(self, env):
        while self.cond.eval(env) != 0:
            for stmt in self.body:
                stmt.eval(env)
        return 0


def run(program, env):
    for stmt in program:
        stmt.eval(env)
    return env


def entry_point(argv):
    fact = [Assign("r", Const(1)),
            While(BinOp("<", Const(1), Var("n")),
                  [Assign("r", BinOp("*", Var("r"), Var("n"))), Assign("n", BinOp("-", Var("n"), Const(1)))])]
    for n in [1, 5, 10, 20]:
        env = run(fact, {"n": n})
        print("fact(%d) = %d" % (n, env["r"]))
    gcd = [While(BinOp("!=", Var("b"), Const(0)),
                 [Assign("t", Var("b")), Assign("b", BinOp("%", Var("a"), Var("b"))), Assign("a", Var("t"))])]
    for a, b in [(48, 18), (1071, 462), (17, 5)]:
        env = run(gcd, {"a": a, "b": b})
        print("gcd(%d, %d) = %d" % (a, b, env["a"]))
    squares = [Assign("i", Const(0)), Assign("s", Const(0)),
               While(BinOp("<", Var("i"), Var("n")),
                     [Assign("s", BinOp("+", Var("s"), BinOp("*", Var("i"), Var("i")))),
                      Assign("i", BinOp("+", Var("i"), Const(1)))])]
    env = run(squares, {"n": 100})
    print("sum of squares below 100 = %d" % env["s"])
    names = []
    for k in env:
        names.append(k)
    print("variables: " + ",".join(names))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
