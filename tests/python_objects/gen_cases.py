"""Generate objcheck cases with CPython's answers (seeded, deterministic).

    python3 tests/python_objects/gen_cases.py OUT_CASES OUT_EXPECTED [SEED]

See objcheck.py for the case format.  Every case is evaluated here by
CPython itself; the VM's object space must print the same line.
"""

import math
import random
import sys

BINOPS = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^']
CMPOPS = ['<', '<=', '==', '!=', '>', '>=']
UNOPS = ['-', '+', '~']


def enc(v):
    if v is None:
        return "n:"
    if isinstance(v, bool):
        return "b:%d" % int(v)
    if isinstance(v, int):
        return "i:%d" % v
    if isinstance(v, float):
        if math.isinf(v):
            return "f:inf" if v > 0 else "f:-inf"
        if math.isnan(v):
            return "f:nan"
        return "f:" + repr(v)
    if isinstance(v, str):
        return "s:" + v.encode("utf-8").hex()
    if isinstance(v, list):
        return "l:" + ",".join(enc(x) for x in v)
    if isinstance(v, tuple):
        return "t:" + ",".join(enc(x) for x in v)
    raise TypeError(v)


def outcome(thunk):
    try:
        return repr(thunk())
    except Exception as e:
        return "!%s: %s" % (type(e).__name__, e)


class Gen(object):
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.cases = []
        self.expected = []

    def add(self, fields, thunk):
        self.cases.append("\t".join(fields))
        self.expected.append(outcome(thunk))

    # -- values ------------------------------------------------------------

    def an_int(self):
        r = self.rng
        kind = r.random()
        if kind < 0.3:
            return r.randint(-20, 20)
        if kind < 0.5:
            return r.randint(-2**31, 2**31)
        if kind < 0.7:
            return r.choice([2**63 - 1, -2**63, 2**62, -2**62 - 1, 2**63,
                             2**64 + 7, -2**64, 10**18, 3**40])
        bits = r.choice([64, 65, 100, 200, 400])
        v = r.getrandbits(bits)
        return -v if r.random() < 0.5 else v

    def a_float(self):
        r = self.rng
        kind = r.random()
        if kind < 0.3:
            return r.choice([0.0, -0.0, 0.5, 1.0, -1.5, 2.5, 0.1, 1e16, 1e-7,
                             1e300, -1e-300, 5e-324, float('inf'),
                             float('-inf'), float('nan'), 123456.789,
                             1.7976931348623157e308])
        if kind < 0.6:
            return round(r.uniform(-1000, 1000), r.randint(0, 6))
        return math.ldexp(r.random(), r.randint(-1060, 1023)) * \
            r.choice([1, -1])

    def a_number(self):
        if self.rng.random() < 0.6:
            return self.an_int()
        return self.a_float()

    # -- cases -------------------------------------------------------------

    def arithmetic(self, n):
        for i in range(n):
            op = self.rng.randrange(len(BINOPS))
            sym = BINOPS[op]
            a = self.a_number()
            b = self.a_number()
            if sym in ('<<', '>>', '**'):
                if isinstance(b, int):
                    b = b % 200 if self.rng.random() < 0.9 else -3
                if sym == '**' and isinstance(a, int) and abs(a) > 2**64:
                    a = a % 1000
            if sym in ('<<', '>>', '&', '|', '^') and self.rng.random() < 0.8:
                a = self.an_int()
                if not isinstance(b, int):
                    b = self.an_int() % 100
            if sym == '**' and a < 0 and isinstance(b, float) and \
                    b != math.floor(b) if not math.isinf(b) else False:
                continue            # a complex result: not supported
            self.add(["bin", str(op), enc(a), enc(b)],
                     lambda a=a, b=b, sym=sym: eval("a %s b" % sym))
        for i in range(n // 3):
            a = self.a_number()
            b = self.a_number() if self.rng.random() < 0.7 else a
            if self.rng.random() < 0.3 and isinstance(a, int):
                b = float(a)
            op = self.rng.randrange(len(CMPOPS))
            self.add(["cmp", str(op), enc(a), enc(b)],
                     lambda a=a, b=b, s=CMPOPS[op]: eval("a %s b" % s))
        for i in range(n // 6):
            a = self.a_number()
            op = self.rng.randrange(len(UNOPS))
            self.add(["un", str(op), enc(a)],
                     lambda a=a, s=UNOPS[op]: eval("%s a" % s))
            b = self.a_number()
            self.add(["divmod", enc(a), enc(b)], lambda a=a, b=b: divmod(a, b))

    def powers(self):
        for a in [0, 1, -1, 2, -3, 10, 7, 2**40, -2**35]:
            for b in [0, 1, 2, 3, 31, 62, 63, 64, 100, -1, -2]:
                self.add(["pow", enc(a), enc(b)], lambda a=a, b=b: a ** b)
                for m in [7, -7, 1000000007, 2**70 + 1]:
                    self.add(["pow", enc(a), enc(b), enc(m)],
                             lambda a=a, b=b, m=m: pow(a, b, m))
        for a in [2.0, -2.0, 0.0, 1.5, -8.0, 1e10]:
            for b in [0.5, -1.0, 2, 3.0, 1000.0, -0.5]:
                if a < 0 and b != int(b):
                    continue
                self.add(["pow", enc(a), enc(b)], lambda a=a, b=b: a ** b)

    def reprs(self, n):
        for i in range(n):
            x = self.a_float()
            self.add(["repr", enc(x)], lambda x=x: repr(x))
            if not math.isnan(x):       # CPython hashes nan by identity
                self.add(["hash", enc(x)], lambda x=x: hash(x))
        for i in range(n):
            x = self.an_int()
            self.add(["repr", enc(x)], lambda x=x: repr(x))
            self.add(["hash", enc(x)], lambda x=x: hash(x))
        # (no str: randomised in CPython; no None: hashed by identity)
        for t in [(1, 2), (), (1.5, -1, 2**70), (True, False), (0.5,),
                  (-1, -2, -3, 10**20)]:
            self.add(["hash", enc(t)], lambda t=t: hash(t))

    def formats(self, n):
        specs = ['', 'd', '5d', '<5', '^7', '>+8', '08', ',', '_', 'x', '#x',
                 'X', '#o', 'b', '#b', '_b', 'c', '.3', '.2f', '10.4f', 'e',
                 '.3e', 'E', 'g', '.3g', 'G', '%', '.1%', ',.2f', '+.1e',
                 ' .2f', '*^12.3f', '=+10.2f', '010.2f', '#.0f', '#g', '.0e',
                 'n', '.10g', '.17g', '.25f', 's', '5s', '.2s', 'z']
        for i in range(n):
            spec = self.rng.choice(specs)
            if self.rng.random() < 0.3:
                v = self.rng.choice(['abc', 'h\u00e9llo', '', 'x' * 12])
            else:
                v = self.a_number()
            self.add(["fmt", enc(v), enc(spec)],
                     lambda v=v, spec=spec: format(v, spec))
        pcts = ['%d', '%5d', '%-5d|', '%+d', '% d', '%05d', '%x', '%#X',
                '%o', '%#o', '%e', '%.3e', '%f', '%.2f', '%10.3f', '%-10.1f|',
                '%g', '%.10g', '%G', '%s', '%r', '%.3s', '%5s', '%c', '%%d',
                '%i', '%u', '%#.3g', '%+.0f']
        for i in range(n):
            f = self.rng.choice(pcts)
            if 's' in f or 'r' in f:
                v = self.rng.choice([self.a_number(), 'abc', 'h\u00e9', None])
            elif 'c' in f:
                v = self.rng.choice([65, 233, 'z', 'ab', -1, 1.5])
            else:
                v = self.a_number()
            self.add(["pct", enc(f), enc(v)], lambda f=f, v=v: f % v)
        for f, args in [('%s-%s', (1, 2)), ('%d%%', (5,)), ('%s', ()),
                        ('%s %s', (1,)), ('%s', (1, 2)), ('%(a)s', (1,)),
                        ('%z', (1,)), ('%.*f', (2, 3.14159)),
                        ('%*d|', (6, 42)), ('%-*d|', (6, 42))]:
            self.add(["pct", enc(f)] + [enc(a) for a in args],
                     lambda f=f, args=args: f % args)

    def strings(self):
        texts = ['', 'a', 'hello world', '  padded\t\n', 'a,b,,c,',
                 'h\u00e9llo w\u00f6rld', '\u65e5\u672c\u8a9e\u30c6\u30ad\u30b9\u30c8',
                 'MiXeD CaSe 123', 'one\ntwo\r\nthree\rfour', 'x\u00df\u00ff',
                 '\u0391\u03b2\u03b3 \u0414\u0436', 'tab\there', '12345',
                 '\u00e9\u00e9\u00e9', 'a-b-c', "it's", 'say "hi"',
                 'q\'"', '\x00\x1f\x7f\u0080\u00a0\u00ad\u2028',
                 'emoji \U0001f600!', 'TitLe of sOme book']
        calls = [
            ('upper',), ('lower',), ('swapcase',), ('title',),
            ('capitalize',), ('strip',), ('lstrip',), ('rstrip',),
            ('split',), ('rsplit',), ('splitlines',), ('isdigit',),
            ('isalpha',), ('isspace',), ('isalnum',), ('isupper',),
            ('islower',), ('istitle',), ('isidentifier',), ('isprintable',),
            ('isascii',), ('isdecimal',), ('isnumeric',), ('casefold',),
            ('split', ','), ('split', ',', 1), ('rsplit', ',', 1),
            ('split', ' ', 0), ('split', '', ), ('find', 'l'),
            ('find', 'o', 5), ('find', '\u00f6'), ('rfind', 'l'),
            ('index', 'z'), ('rindex', 'e'), ('count', 'l'), ('count', ''),
            ('count', 'e', 1, -1), ('replace', 'l', 'L'),
            ('replace', 'l', '', 1), ('replace', '', '-'),
            ('replace', '\u00e9', 'e'), ('startswith', 'h'),
            ('startswith', ('x', 'h')), ('endswith', 'd'),
            ('endswith', '', 3, 2), ('startswith', 'e', 1), ('center', 11),
            ('center', 10, '*'), ('ljust', 8, '\u00e9'), ('rjust', 8),
            ('zfill', 8), ('strip', 'ha'), ('strip', '\u00e9h'),
            ('partition', ' '), ('rpartition', 'o'), ('partition', 'zz'),
            ('join', ['x', 'y', 'z']), ('join', []), ('join', ['a', 1]),
            ('expandtabs',), ('expandtabs', 4), ('removeprefix', 'he'),
            ('removesuffix', 'ld'), ('encode',), ('__len__',),
            ('__getitem__', 1), ('__getitem__', -1), ('__getitem__', 100),
            ('__contains__', 'll'), ('__contains__', '\u00e9'),
            ('__mul__', 3), ('__add__', '\u00e9!'), ('__mod__', ()),
            ('format',), ('__repr__',),
        ]
        for t in texts:
            for c in calls:
                self.add(["meth", enc(t), enc(c[0])] + [enc(a) for a in c[1:]],
                         lambda t=t, c=c: getattr(t, c[0])(*c[1:]))
            self.add(["repr", enc(t)], lambda t=t: repr(t))
        for t in texts[:8]:
            for k in [0, 1, -1, 2, 5]:
                self.add(["meth", enc(t), enc('__getitem__'), enc(k)],
                         lambda t=t, k=k: t[k])
        # slicing through the slice type is exercised by the VM scripts
        for f, args in [('{} and {}', (1, 'x')), ('{0}{1}{0}', ('a', 'b')),
                        ('{:>6}|{:<6}|{:^6}', ('a', 'b', 'c')),
                        ('{0!r:>8}', ('q',)), ('{{}}{}', (5,)),
                        ('{:{}}', (3.14159, '.3')), ('{', ()), ('}', ()),
                        ('{0}{}', (1, 2)), ('{2}', (1,)),
                        ('{0[1]}', ([4, 5],)), ('{:,}', (1234567,)),
                        ('{:e}', (0.000123,))]:
            self.add(["meth", enc(f), enc('format')] + [enc(a) for a in args],
                     lambda f=f, args=args: f.format(*args))

    def conversions(self):
        for s in ['0', '-12', ' 42 ', '1_000', '0x1f', '12a', '', '  -0  ',
                  '99999999999999999999999', '+7', '1__0', '_1', '٣',
                  '0b101', '0o17', '007', '1e5', '3.5']:
            self.add(["call", "int", enc(s)], lambda s=s: int(s))
            self.add(["call", "float", enc(s)], lambda s=s: float(s))
            for base in [0, 2, 16, 36]:
                self.add(["call", "int", enc(s), enc(base)],
                         lambda s=s, base=base: int(s, base))
        for s in ['inf', '-Infinity', 'nan', '1.5e-3', '.5', '5.', '1_0.5',
                  '1e', 'e5', '0x10', '1.7976931348623157e309']:
            self.add(["call", "float", enc(s)], lambda s=s: float(s))
        for x in [0.0, 1.9, -1.9, 1e20, -1e300, float('inf'), float('nan'),
                  2.5, 3.5, -2.5]:
            self.add(["call", "int", enc(x)], lambda x=x: int(x))
            self.add(["round", enc(x)], lambda x=x: round(x))
        for x in [2.675, 0.125, 0.375, 1.005, -1.5, 123.456, 1e300, 5e-324,
                  0.5, 1234.5678, -0.0]:
            for nd in [0, 1, 2, 3, -1, -2, 10, 400]:
                self.add(["round", enc(x), enc(nd)],
                         lambda x=x, nd=nd: round(x, nd))
        for x in [1234, -1250, 1350, 15, 25, 2**70 + 5 * 10**10]:
            for nd in [-1, -2, -3, 0, 2]:
                self.add(["round", enc(x), enc(nd)],
                         lambda x=x, nd=nd: round(x, nd))
        for v in [1, 'x', 2.5, None, [1, 'a'], (1,), True]:
            self.add(["call", "str", enc(v)], lambda v=v: str(v))
            self.add(["call", "bool", enc(v)], lambda v=v: bool(v))
            self.add(["call", "list", enc(v)], lambda v=v: list(v))
            self.add(["call", "tuple", enc(v)], lambda v=v: tuple(v))

    def sets(self, n):
        for i in range(n):
            k = self.rng.randint(0, 30)
            items = [self.rng.randint(-50, 200) for j in range(k)]
            if self.rng.random() < 0.2:
                items = [self.rng.randint(0, 10**6) for j in range(k)]
            if self.rng.random() < 0.2:
                items = [float(x) / 4 for x in items]
            self.add(["set"] + [enc(x) for x in items],
                     lambda items=items: set_in_order(items))
        for name in ['union', 'intersection', 'difference',
                     'symmetric_difference', 'issubset', 'isdisjoint',
                     'update', 'intersection_update', 'difference_update',
                     'symmetric_difference_update']:
            for i in range(6):
                a = [self.rng.randint(0, 40) for j in range(
                    self.rng.randint(0, 25))]
                b = [self.rng.randint(0, 40) for j in range(
                    self.rng.randint(0, 25))]
                self.add(["setop", name, str(len(a))] +
                         [enc(x) for x in a + b],
                         lambda a=a, b=b, name=name: setop(name, a, b))

    def sorting(self, n):
        for i in range(n):
            k = self.rng.randint(0, 60)
            items = [self.a_number() for j in range(k)]
            items = [x for x in items if not (isinstance(x, float) and
                                              math.isnan(x))]
            self.add(["sorted"] + [enc(x) for x in items],
                     lambda items=items: sorted(items))
        self.add(["sorted", enc(1), enc('a')], lambda: sorted([1, 'a']))


def set_in_order(items):
    s = set()
    for x in items:
        s.add(x)
    return s


def setop(name, a, b):
    sa = set_in_order(a)
    sb = set_in_order(b)
    res = getattr(sa, name)(sb)
    return (res, sa)


def main():
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 2024
    g = Gen(seed)
    g.arithmetic(1500)
    g.powers()
    g.reprs(300)
    g.formats(600)
    g.strings()
    g.conversions()
    g.sets(200)
    g.sorting(60)
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        f.write("\n".join(g.cases) + "\n")
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write("\n".join(g.expected) + "\n")


if __name__ == "__main__":
    main()
