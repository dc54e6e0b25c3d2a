"""Generate a large, realistic RPy program for frontend benchmarks.

    python3 bench/gen_rpy.py N OUT.py [SEED]

Writes about N lines: helper functions (loops, if/elif chains, try/except,
arithmetic, list/dict/string operations) that call earlier helpers, classes
with subclasses and methods, prebuilt tables, and an `entry_point` that
calls every helper (so all of it is reachable at run time).  The
output is deterministic for a given N and SEED, compiles with CPython, and
runs there in well under a second (each helper calls at most one earlier
helper, outside any loop, so the call graph is a set of short chains).
This script itself is plain CPython, not RPy.
"""

import random
import sys


class Gen(object):
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.lines = []
        self.funcs = []         # names of helpers: f(a: int, b: int) -> int
        self.classes = []       # (name, has_subclass)
        self.counter = 0

    def fresh(self, prefix):
        self.counter += 1
        return "%s_%d" % (prefix, self.counter)

    def out(self, text=""):
        self.lines.extend(text.split("\n"))

    # -- expressions -------------------------------------------------------
    def int_expr(self, names):
        r = self.rng
        a = r.choice(names)
        b = r.choice(names)
        k = r.randint(1, 97)
        forms = ["%s + %s * %d" % (a, b, k),
                 "(%s - %d) // %d" % (a, k, r.randint(1, 9)),
                 "%s %% %d + %s" % (a, r.randint(2, 50), b),
                 "(%s ^ %s) & %d" % (a, b, r.choice([255, 1023, 65535])),
                 "abs(%s - %s) + %d" % (a, b, k),
                 "max(%s, %s) - min(%s, %d)" % (a, b, b, k),
                 "(%s << %d) | %d" % (a, r.randint(1, 5), k)]
        return r.choice(forms)

    def call_earlier(self, target, args):
        if not self.funcs or self.rng.random() < 0.4:
            return ""
        callee = self.rng.choice(self.funcs[-30:])
        return "    %s += %s(%s, %s) %% 1000\n" % (target, callee, args[0], args[1])

    # -- helpers -----------------------------------------------------------
    def helper_loop(self, name):
        r = self.rng
        body = ["def %s(a, b):" % name,
                "    \"\"\"A counting loop with an if/elif chain.\"\"\"",
                "    total = 0",
                "    i = 0",
                "    n = a %% %d + %d" % (r.randint(5, 20), r.randint(1, 5)),
                "    while i < n:"]
        for k in range(r.randint(2, 5)):
            kw = "if" if k == 0 else "elif"
            body.append("        %s i %% %d == %d:" % (kw, r.randint(3, 7), r.randint(0, 2)))
            body.append("            total += %s" % self.int_expr(["i", "a", "b", "total"]))
        body.append("        else:")
        body.append("            total -= %s" % self.int_expr(["i", "b"]))
        body.append("        total = total % 1000003")
        body.append("        i += 1")
        self.out("\n".join(body))
        self.out(self.call_earlier("total", ["a", "b"]).rstrip("\n"))
        self.out("    return total\n\n")

    def helper_list(self, name):
        r = self.rng
        self.out("""def %(n)s(a, b):
    \"\"\"Builds, filters and sums a list.\"\"\"
    items = []
    for i in range(%(len)d):
        items.append((a * i + b) %% %(mod)d)
    kept = []
    for x in items:
        if x %% %(div)d != 0:
            kept.append(x)
    if len(kept) == 0:
        return 0
    total = kept[0] + kept[-1] + len(kept)
    for j in range(1, len(kept)):
        if kept[j] > kept[j - 1]:
            total += kept[j] - kept[j - 1]
        else:
            total -= 1""" % {"n": name, "len": r.randint(5, 30), "mod": r.randint(50, 500),
                             "div": r.randint(2, 5)})
        self.out(self.call_earlier("total", ["b", "a"]).rstrip("\n"))
        self.out("    return total\n\n")

    def helper_dict(self, name):
        r = self.rng
        self.out("""def %(n)s(a, b):
    \"\"\"Counts residues in a dict and walks its items.\"\"\"
    counts = {}
    for i in range(%(len)d):
        key = (a + i * b) %% %(mod)d
        if key in counts:
            counts[key] += 1
        else:
            counts[key] = 1
    best = 0
    for key, value in counts.items():
        if value * %(w)d + key > best:
            best = value * %(w)d + key
    return best + len(counts)
""" % {"n": name, "len": r.randint(8, 40), "mod": r.randint(3, 17), "w": r.randint(2, 9)})
        self.out()

    def helper_string(self, name):
        r = self.rng
        words = ["alpha", "beta", "gamma", "delta", "lathe", "trace", "guard", "merge"]
        w1, w2 = r.choice(words), r.choice(words)
        self.out("""def %(n)s(a, b):
    \"\"\"String building, slicing and searching.\"\"\"
    parts = []
    for i in range(a %% 7 + 1):
        parts.append("%(w1)s%%d" %% (i + b))
    text = "-".join(parts)
    if text.startswith("%(w1)s"):
        text = text.upper()
    elif "%(w2)s" in text:
        text = text.replace("%(w2)s", "%(w1)s")
    pos = text.find("-")
    head = text[:pos]
    result = len(text) + len(head) * %(k)d
    for c in text[-5:]:
        result += ord(c) %% 13
    return result
""" % {"n": name, "w1": w1, "w2": w2, "k": r.randint(1, 9)})
        self.out()

    def helper_try(self, name):
        r = self.rng
        self.out("""def %(n)s(a, b):
    \"\"\"Exceptions: a checked division and a failing lookup.\"\"\"
    table = [%(t)s]
    try:
        x = table[a %% %(tl)d] // (b %% %(m)d)
    except ZeroDivisionError:
        x = -1
    try:
        if x > %(lim)d:
            raise ValueError("too big")
        y = x + table[b %% %(tl)d]
    except ValueError:
        y = 0
    finally:
        x = x + 1
    return x * 3 + y
""" % {"n": name, "t": ", ".join(str(r.randint(0, 999)) for _ in range(5)), "tl": 5,
       "m": r.randint(2, 6), "lim": r.randint(100, 900)})
        self.out()

    # -- classes -----------------------------------------------------------
    def klass(self):
        r = self.rng
        base = self.fresh("Shape")
        sub = self.fresh("Shape")
        k = r.randint(2, 9)
        self.out("""class %(b)s(object):
    \"\"\"A base class with state and two methods.\"\"\"

    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.history = []

    def measure(self):
        return self.x * %(k)d + self.y

    def step(self, d):
        self.history.append(d)
        self.x = (self.x + d) %% 10007
        if len(self.history) > 8:
            self.history.pop(0)
        return self.measure()


class %(s)s(%(b)s):
    \"\"\"A subclass overriding measure and calling the base method.\"\"\"

    def __init__(self, x, y, z):
        %(b)s.__init__(self, x, y)
        self.z = z

    def measure(self):
        base = %(b)s.measure(self)
        if isinstance(self, %(s)s):
            base += self.z
        return base %% 65521


def use_%(b)s(a, b):
    shapes = [%(b)s(a, b), %(s)s(b, a, %(k)d)]
    total = 0
    for i in range(%(n)d):
        for s in shapes:
            total += s.step(i)
    return total %% 1000003
""" % {"b": base, "s": sub, "k": k, "n": r.randint(3, 12)})
        self.out()
        self.funcs.append("use_" + base)

    def table(self):
        name = self.fresh("TABLE").upper()
        n = self.rng.randint(8, 24)
        self.out("%s = [%s]" % (name, ", ".join(str(self.rng.randint(0, 9999)) for _ in range(n))))
        fn = self.fresh("lookup")
        self.out("""

def %(f)s(a, b):
    return %(t)s[a %% %(n)d] + %(t)s[b %% %(n)d]

""" % {"f": fn, "t": name, "n": n})
        self.funcs.append(fn)

    def generate(self, target):
        self.out('"""A generated RPy program for benchmarking the Lathe frontend."""\n')
        self.out("import sys\n\n")
        makers = [self.helper_loop, self.helper_list, self.helper_dict,
                  self.helper_string, self.helper_try]
        # entry_point calls every helper (one line each), so the whole
        # program is reachable for the annotator: reserve a line per helper.
        while len(self.lines) + len(self.funcs) < target - 40:
            r = self.rng.random()
            if r < 0.15:
                self.klass()
            elif r < 0.22:
                self.table()
            else:
                name = self.fresh("helper")
                self.rng.choice(makers)(name)
                self.funcs.append(name)
        calls = self.funcs
        self.out("def entry_point(argv):")
        self.out("    total = 0")
        for i, f in enumerate(calls):
            self.out("    total = (total + %s(%d, %d)) %% 1000000007" % (f, i + 3, 2 * i + 5))
        self.out('    print("checksum %d" % total)')
        self.out("    return 0\n\n")
        self.out('if __name__ == "__main__":')
        self.out("    sys.exit(entry_point(sys.argv))")
        return "\n".join(line for line in self.lines) + "\n"


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write("usage: gen_rpy.py N OUT.py [SEED]\n")
        return 2
    target = int(argv[1])
    seed = int(argv[3]) if len(argv) == 4 else 2024
    text = Gen(seed).generate(target)
    with open(argv[2], "w") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
