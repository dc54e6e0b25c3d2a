"""Classes as values: a class stored in a variable, list and dict and
instantiated through it, a factory function taking a class, and the
instances' overridden methods called afterwards."""

import sys


class Token(object):
    def __init__(self, text):
        self.text = text

    def kind(self):
        return "token"


class Word(Token):
    def kind(self):
        return "word"


class Number(Token):
    def kind(self):
        return "number"


class Symbol(Token):
    def kind(self):
        return "symbol"


CLASSES = {"w": Word, "n": Number, "s": Symbol}
ORDER = [Word, Number, Symbol, Token]


def build(cls, text):
    return cls(text)


def classify(text):
    cls = Symbol
    if text.isdigit():
        cls = Number
    elif text.isalpha():
        cls = Word
    return cls(text)


def entry_point(argv):
    tokens = []
    for t in "let x1 = 42 + y ;".split():
        tokens.append(classify(t))
    for tok in tokens:
        print("%-4s %s" % (tok.text, tok.kind()))
    for code in ["n", "s", "w"]:
        obj = CLASSES[code]("from-" + code)
        print("%s -> %s %s" % (code, obj.kind(), obj.text))
    made = []
    for cls in ORDER:
        made.append(build(cls, "x"))
    kinds = []
    for m in made:
        kinds.append(m.kind())
    print("built: " + ",".join(kinds))
    c = Word
    if len(argv) > 5:
        c = Number
    print("chosen: %s" % c("y").kind())
    words = 0
    for tok in tokens:
        if isinstance(tok, Word):
            words += 1
    print("words: %d" % words)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
