"""An uncaught user exception whose class has its own __init__ (storing
attributes, not calling the base __init__): CPython still shows the
constructor's single argument as the message, because
BaseException.__new__ keeps the call's arguments in `args`. The last
traceback line is `ParseFailure: unexpected ')' at 6`; exit status 1."""

import sys


class ParseFailure(Exception):
    def __init__(self, message):
        self.message = message
        self.reported = False


def check_parens(s):
    depth = 0
    for i in range(len(s)):
        c = s[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                raise ParseFailure("unexpected ')' at %d" % i)
    if depth != 0:
        raise ParseFailure("%d unclosed" % depth)
    return True


def entry_point(argv):
    for s in ["(a(b)c)", "((x)", "()()"]:
        try:
            check_parens(s)
            print("%s: balanced" % s)
        except ParseFailure as e:
            e.reported = True
            print("%s: %s (reported %s)" % (s, e.message, str(e.reported)))
    check_parens("(a)(b))(c")
    print("not reached")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
