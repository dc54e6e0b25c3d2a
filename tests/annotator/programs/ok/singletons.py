class Token(object):
    def __init__(self, name, prec):
        self.name = name
        self.prec = prec
PLUS = Token("+", 1)
TIMES = Token("*", 2)
EOF_TOKEN = Token("eof", 0)
class Registry(object):
    def __init__(self):
        self.seen = []
    def note(self, tok):
        self.seen.append(tok)
registry = Registry()
def pick(c):
    if c == "+":
        return PLUS
    if c == "*":
        return TIMES
    return EOF_TOKEN
def entry_point(argv):
    total = 0
    for c in "+*x":
        t = pick(c)
        registry.note(t)
        if t is EOF_TOKEN:
            break
        total += t.prec
    print(total, len(registry.seen), registry.seen[0].name)
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
