"""Short-circuit logic: `and`/`or` skip their right operand (observed
through side effects), `not` on ints, strings and lists in conditions,
truthiness of containers and None-able values in if/while, and
conditional expressions."""

import sys


class Probe(object):
    def __init__(self):
        self.calls = []

    def check(self, name, result):
        self.calls.append(name)
        return result


P = Probe()


def show_calls(label):
    print("%-24s calls: %s" % (label, ",".join(P.calls)))
    P.calls = []


def entry_point(argv):
    r = P.check("a", False) and P.check("b", True)
    show_calls("False and ... -> %s" % str(r))
    r = P.check("a", True) and P.check("b", False)
    show_calls("True and False -> %s" % str(r))
    r = P.check("a", True) or P.check("b", False)
    show_calls("True or ... -> %s" % str(r))
    r = P.check("a", False) or P.check("b", False) or P.check("c", True)
    show_calls("F or F or T -> %s" % str(r))
    r = not P.check("a", False) and P.check("b", True)
    show_calls("not F and T -> %s" % str(r))
    items = []
    if not items:
        print("empty list is falsy")
    items.append(0)
    if items:
        print("non-empty list is truthy (even holding 0)")
    name = ""
    if not name:
        print("empty string is falsy")
    n = 0
    if not n:
        print("zero is falsy")
    label = None
    if len(argv) > 50:
        label = "many"
    if not label:
        print("None is falsy")
    queue = [3, 2, 1]
    popped = 0
    while queue:
        queue.pop()
        popped += 1
    print("popped %d" % popped)
    for x in [-2, 0, 5]:
        kind = "positive" if x > 0 else ("zero" if x == 0 else "negative")
        print("%d is %s" % (x, kind))
    safe = len(items) > 5 and items[5] == 1
    print("guarded index: %s" % str(safe))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
