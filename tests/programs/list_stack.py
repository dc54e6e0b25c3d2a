"""Lists as stacks and queues: balanced brackets, a postfix (RPN)
calculator, a FIFO queue with pop(0), and a ring buffer of fixed size."""

import sys

OPENERS = "([{"
CLOSERS = ")]}"


def balanced(s):
    stack = []
    for c in s:
        if c in OPENERS:
            stack.append(c)
        elif c in CLOSERS:
            if len(stack) == 0:
                return False
            top = stack.pop()
            if OPENERS.index(top) != CLOSERS.index(c):
                return False
    return len(stack) == 0


def rpn(expr):
    stack = []
    for tok in expr.split():
        if tok == "+" or tok == "-" or tok == "*" or tok == "/":
            b = stack.pop()
            a = stack.pop()
            if tok == "+":
                stack.append(a + b)
            elif tok == "-":
                stack.append(a - b)
            elif tok == "*":
                stack.append(a * b)
            else:
                stack.append(a // b)
        else:
            stack.append(int(tok))
    return stack[-1]


class Ring(object):
    def __init__(self, size):
        self.items = [0] * size
        self.start = 0
        self.count = 0

    def push(self, x):
        size = len(self.items)
        self.items[(self.start + self.count) % size] = x
        if self.count < size:
            self.count += 1
        else:
            self.start = (self.start + 1) % size

    def contents(self):
        out = []
        for i in range(self.count):
            out.append(str(self.items[(self.start + i) % len(self.items)]))
        return " ".join(out)


def entry_point(argv):
    for s in ["()", "([]{})", "(]", "((", "", "{[()()]}", "())"]:
        print("balanced('%s') = %s" % (s, str(balanced(s))))
    for e in ["3 4 +", "5 1 2 + 4 * + 3 -", "2 3 4 * +", "100 7 / 3 -"]:
        print("%s = %d" % (e, rpn(e)))
    queue = []
    for i in range(5):
        queue.append(i * 3)
    served = []
    while len(queue) > 0:
        x = queue.pop(0)
        served.append(str(x))
        if x == 6:
            queue.append(100)
    print("served: " + " ".join(served))
    ring = Ring(4)
    for i in range(1, 11):
        ring.push(i)
        if i % 3 == 0:
            print("ring after %d: %s" % (i, ring.contents()))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
