# program: a tokenizer and recursive-descent evaluator for arithmetic (classes, exceptions, recursion)
class ParseError(Exception):
    pass

def tokenize(s):
    tokens = []
    i = 0
    while i < len(s):
        c = s[i]
        if c.isdigit():
            j = i
            while j < len(s) and s[j].isdigit():
                j += 1
            tokens.append(("num", int(s[i:j])))
            i = j
        elif c in "+-*/()%":
            tokens.append(("op", c))
            i += 1
        elif c == " ":
            i += 1
        else:
            raise ParseError("bad character %r at %d" % (c, i))
    return tokens

class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0
    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ("end", None)
    def take(self):
        t = self.peek()
        self.pos += 1
        return t
    def expr(self):
        v = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            v = v + self.term() if op == "+" else v - self.term()
        return v
    def term(self):
        v = self.factor()
        while self.peek()[0] == "op" and self.peek()[1] in "*/%":
            op = self.take()[1]
            r = self.factor()
            if op == "*":
                v *= r
            elif op == "/":
                v //= r
            else:
                v %= r
        return v
    def factor(self):
        kind, val = self.take()
        if kind == "num":
            return val
        if val == "-":
            return -self.factor()
        if val == "(":
            v = self.expr()
            if self.take() != ("op", ")"):
                raise ParseError("expected )")
            return v
        raise ParseError("unexpected %s" % (val,))

def evaluate(s):
    p = Parser(tokenize(s))
    v = p.expr()
    if p.peek()[0] != "end":
        raise ParseError("trailing input")
    return v

for src in ["1 + 2 * 3", "(1 + 2) * 3", "-7 / 2", "2 * (3 + 4) * 5 - 6 % 4", "99999999999 * 99999999999",
            "1 +", "(1 + 2", "4 / 0", "3 $ 4", "((((5))))"]:
    try:
        print(src, "=", evaluate(src))
    except ParseError as e:
        print(src, "-> parse error:", e)
    except ZeroDivisionError as e:
        print(src, "-> ZeroDivisionError:", e)
