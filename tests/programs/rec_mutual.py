"""Mutual recursion: is_even/is_odd, a recursive-descent parser and
evaluator for arithmetic expressions (expr -> term -> factor -> expr),
and Hofstadter's Female and Male sequences."""

import sys


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


class Parser(object):
    def __init__(self, text):
        self.text = text.replace(" ", "")
        self.pos = 0

    def peek(self):
        if self.pos < len(self.text):
            return self.text[self.pos]
        return "$"

    def expr(self):
        value = self.term()
        while self.peek() == "+" or self.peek() == "-":
            op = self.peek()
            self.pos += 1
            rhs = self.term()
            if op == "+":
                value += rhs
            else:
                value -= rhs
        return value

    def term(self):
        value = self.factor()
        while self.peek() == "*" or self.peek() == "/":
            op = self.peek()
            self.pos += 1
            rhs = self.factor()
            if op == "*":
                value *= rhs
            else:
                value //= rhs
        return value

    def factor(self):
        c = self.peek()
        if c == "(":
            self.pos += 1
            value = self.expr()
            self.pos += 1
            return value
        if c == "-":
            self.pos += 1
            return -self.factor()
        start = self.pos
        while self.peek().isdigit():
            self.pos += 1
        return int(self.text[start:self.pos])


def female(n):
    if n == 0:
        return 1
    return n - male(female(n - 1))


def male(n):
    if n == 0:
        return 0
    return n - female(male(n - 1))


def entry_point(argv):
    for n in [0, 1, 10, 77, 500]:
        print("%d: even %s odd %s" % (n, str(is_even(n)), str(is_odd(n))))
    for e in ["1 + 2 * 3", "(1 + 2) * 3", "-(4 - 10) * 2", "100 / 7 / 2", "2 * (3 + (4 - 1)) * -1", "42"]:
        print("%s = %d" % (e, Parser(e).expr()))
    fs = []
    ms = []
    for i in range(15):
        fs.append(str(female(i)))
        ms.append(str(male(i)))
    print("F: " + " ".join(fs))
    print("M: " + " ".join(ms))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
