#!/usr/bin/env python3
"""Generates the runtime's golden tables from CPython (tests/runtime/golden).

Run from anywhere: python3 tests/runtime/gen_goldens.py. Seeded, so the output
is reproducible; commit the regenerated files. Every line is tab-separated;
strings are hex-encoded (Latin-1 code points = the runtime's bytes) so any
byte survives; floats are given by their IEEE bits in hex.
"""
import os
import random
import struct

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden")


def hx(s):
    return s.encode("latin-1").hex() or "-"


def fbits(x):
    return struct.pack(">d", x).hex()


def rand_double(rng):
    kind = rng.randrange(6)
    if kind == 0:  # any bit pattern that is a finite double
        while True:
            x = struct.unpack(">d", rng.getrandbits(64).to_bytes(8, "big"))[0]
            if x == x and abs(x) != float("inf"):
                return x
    if kind == 1:
        return rng.uniform(-1e6, 1e6)
    if kind == 2:
        return round(rng.uniform(-1000, 1000), rng.randrange(0, 6))
    if kind == 3:
        return rng.randrange(-10**17, 10**17) * 1.0
    if kind == 4:
        return rng.choice([1, -1]) * 10.0 ** rng.randrange(-30, 30) * rng.choice([1, 1.5, 2.5, 9.999, 1.2345678901234567])
    return rng.random() * 10 ** rng.randrange(-320, 308)


def gen_floatrepr(rng):
    specials = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1e16, 1e15, 9999999999999998.0,
                1e-4, 1e-5, 1.5e-7, 123456789012345.0, 1234567890123456.0,
                12345678901234567.0, float("inf"), float("-inf"), float("nan"),
                5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 1/3, 2/3,
                0.30000000000000004, 100.0, 1e22, 1e23, 0.0001, 0.00001234]
    for e in range(-25, 25):
        specials += [10.0 ** e, 1.5 * 10.0 ** e, -(10.0 ** e)]
    values = specials + [rand_double(rng) for _ in range(3000)]
    return ["%s\t%s" % (fbits(x), repr(x)) for x in values]


def gen_format(rng):
    lines = []
    flagsets = ["", "-", "0", "+", " ", "#", "-0", "+0", "#0", "- ", "-#", "+#", " 0"]
    widths = ["", "1", "5", "12"]
    precs = ["", ".0", ".1", ".3", ".10"]
    ints = [0, 1, -1, 7, 42, -42, 255, 65535, -65536, 2**31, -2**63, 2**63 - 1, 123456789]
    for _ in range(8):
        ints.append(rng.randrange(-10**12, 10**12))
    floats = [0.0, -0.0, 1.0, -1.5, 0.5, 2.5, 3.14159, 1e-7, 1e100, 123456.789,
              -9.87654321e-5, 1e16, 2.675, float("inf"), float("-inf"), float("nan")]
    for _ in range(8):
        floats.append(rand_double(rng) if rng.random() < 0.3 else rng.uniform(-1e4, 1e4))
    strs = ["", "a", "hello", "it's", 'say "hi"', "both ' and \"", "tab\there",
            "nl\n", "\x00\x01\x7f\x80\xa0\xa1\xad\xe9\xff", "back\\slash"]
    convs = [("i", c, ints) for c in "dixXosr"] + [("f", c, floats) for c in "fFeEgGsr"] \
        + [("s", c, strs) for c in "sr"]
    for kind, conv, values in convs:
        for _ in range(400):
            spec = "%" + rng.choice(flagsets) + rng.choice(widths) + rng.choice(precs) + conv
            v = rng.choice(values)
            if kind == "i":
                lines.append("i\t%s\t%d\t%s" % (spec, v, hx(spec % v)))
            elif kind == "f":
                lines.append("f\t%s\t%s\t%s" % (spec, fbits(v), hx(spec % v)))
            else:
                lines.append("s\t%s\t%s\t%s" % (spec, hx(v), hx(spec % v)))
    return lines


def try_call(fn, s):
    try:
        return "ok", fn(s)
    except ValueError as e:
        return "ValueError", str(e)


def gen_parse(rng):
    ints = ["0", "1", "-1", "+7", "  42  ", "\t-13\n", "1_000", "1__0", "_1", "1_", "00",
            "007", "0_7", "", " ", "+", "-", "12a", "1 2", "0x10", "9223372036854775807",
            "-9223372036854775808", "3.5", "\x0b5\x0c", "\x1c9\x1f", " 9\x1f", "++1", "-_1", "1e5",
            "x" * 300, "'quote'", '"dq"', "١٢"[0:0] + "12"]
    for _ in range(300):
        ints.append("".join(rng.choice("0123456789_ -+x\t") for _ in range(rng.randrange(0, 8))))
    floats = ["0", "1.5", "-2.25e10", " .5 ", "5.", ".", "e5", "1e", "1e+", "1e-3",
              "inf", "-Infinity", "+nan", "NaN", "infinit", "1_000.5", "1_.5", "1._5",
              "1e1_0", "1e_1", "1__0", "_1", "0x10", "1.5.5", "", "  ", "1e500", "-1e-500",
              "3.141592653589793", "1,5", "+-1", "\t7\n", "\x1c7", "7\x0b", "0.1e-1_0", "12_34.56_78"]
    for _ in range(300):
        floats.append("".join(rng.choice("0123456789_.eE+-i n") for _ in range(rng.randrange(0, 9))))
    lines = []
    for s in ints:
        kind, r = try_call(int, s)
        if kind == "ok" and not (-2**63 <= r < 2**63):
            continue
        lines.append("int\t%s\t%s\t%s" % (hx(s), kind, r if kind == "ok" else hx(r)))
    for s in floats:
        kind, r = try_call(float, s)
        lines.append("float\t%s\t%s\t%s" % (hx(s), kind, fbits(r) if kind == "ok" else hx(r)))
    return lines


def hlist(items):
    return ",".join(hx(x) for x in items) or "[]"


def gen_str(rng):
    alpha = "ab ABc,_1\t\n-'\"\\xyz9"
    def rs(n=12):
        return "".join(rng.choice(alpha) for _ in range(rng.randrange(0, n)))
    lines = []
    def emit(op, args, res):
        enc = []
        for a in args:
            if isinstance(a, list):
                enc.append(hlist(a))
            else:
                enc.append(str(a) if isinstance(a, int) and not isinstance(a, bool) else hx(a))
        if isinstance(res, bool):
            out = "True" if res else "False"
        elif isinstance(res, int):
            out = str(res)
        elif isinstance(res, list):
            out = hlist(res)
        else:
            out = hx(res)
        lines.append("\t".join([op] + enc + [out]))
    for _ in range(250):
        s, t = rs(), rs(4)
        sep = rng.choice([",", " ", "ab", "\t", "--", "a"])
        m = rng.randrange(-1, 4)
        a, b = rng.randrange(-15, 15), rng.randrange(-15, 15)
        emit("split", [s, m], s.split(None, m))
        emit("split_sep", [s, sep, m], s.split(sep, m))
        emit("rsplit_sep", [s, sep, m], s.rsplit(sep, m))
        emit("splitlines", [s], s.splitlines())
        emit("strip", [s], s.strip())
        emit("lstrip", [s], s.lstrip())
        emit("rstrip", [s], s.rstrip())
        emit("strip_chars", [s, t], s.strip(t))
        emit("lstrip_chars", [s, t], s.lstrip(t))
        emit("rstrip_chars", [s, t], s.rstrip(t))
        emit("replace", [s, t, sep, m], s.replace(t, sep, m))
        emit("find", [s, t, a, b], s.find(t, a, b))
        emit("rfind", [s, t, a, b], s.rfind(t, a, b))
        emit("count", [s, t, a, b], s.count(t, a, b))
        emit("startswith", [s, t], s.startswith(t))
        emit("endswith", [s, t], s.endswith(t))
        emit("contains", [s, t], t in s)
        emit("upper", [s], s.upper())
        emit("lower", [s], s.lower())
        for name in ("isdigit", "isalpha", "isspace", "isalnum", "isupper", "islower"):
            emit(name, [s], getattr(s, name)())
        short = rng.choice(["", "123", "abc", "ABC", " \t", "a1", "Ab", "A1 "])
        emit("isdigit", [short], short.isdigit())
        emit("isalpha", [short], short.isalpha())
        emit("isspace", [short], short.isspace())
        emit("isalnum", [short], short.isalnum())
        emit("isupper", [short], short.isupper())
        emit("islower", [short], short.islower())
        emit("slice", [s, a, b], s[a:b])
        emit("mul", [t, m], t * m)
        emit("join", [sep, s.split()], sep.join(s.split()))
        full = "".join(chr(rng.randrange(256)) for _ in range(rng.randrange(0, 6)))
        emit("repr", [full], repr(full))
        emit("repr", [s], repr(s))
    return lines


def main():
    os.makedirs(HERE, exist_ok=True)
    for name, gen in [("floatrepr", gen_floatrepr), ("format", gen_format),
                      ("parse", gen_parse), ("strmethods", gen_str)]:
        lines = gen(random.Random(1234))
        with open(os.path.join(HERE, name + ".txt"), "w") as f:
            f.write("\n".join(lines) + "\n")
        print("%s: %d lines" % (name, len(lines)))


if __name__ == "__main__":
    main()
