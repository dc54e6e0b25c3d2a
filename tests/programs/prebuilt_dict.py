"""Frozen dicts: module-level dicts built at translation time (literal,
from a loop, inverted from another) and only read at run time: lookups,
`in`, get with a default, iteration in insertion order, len."""

import sys

KEYWORDS = {"if": 1, "else": 2, "while": 3, "def": 4, "return": 5}
OPCODES = {}
for _i, _name in enumerate(["NOP", "LOAD", "STORE", "ADD", "JUMP", "HALT"]):
    OPCODES[_name] = _i
NAMES = {}
for _name in OPCODES:
    NAMES[OPCODES[_name]] = _name
ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", "q": "'"}
PAIRS = {(0, 1): "east", (1, 0): "south", (0, -1): "west", (-1, 0): "north"}


def classify(word):
    if word in KEYWORDS:
        return "keyword %d" % KEYWORDS[word]
    return "name"


def unescape(s):
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            out.append(ESCAPES.get(s[i + 1], "?"))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def entry_point(argv):
    for w in "def f while x return else y".split():
        print("%-6s %s" % (w, classify(w)))
    program = ["LOAD", "LOAD", "ADD", "STORE", "JUMP", "HALT"]
    codes = []
    for name in program:
        codes.append(OPCODES[name])
    parts = []
    for c in codes:
        parts.append("%d:%s" % (c, NAMES[c]))
    print(" ".join(parts))
    print("opcodes in order: " + ",".join(OPCODES.keys()))
    total = 0
    for v in KEYWORDS.values():
        total += v
    print("keyword sum %d, count %d" % (total, len(KEYWORDS)))
    print(unescape("a\\tb\\\\c\\qd\\x"))
    for step in [(0, 1), (-1, 0), (1, 1)]:
        print("step (%d, %d): %s" % (step[0], step[1], PAIRS.get(step, "nowhere")))
    print("HALT in OPCODES: %s, BOOM in OPCODES: %s" % (str("HALT" in OPCODES), str("BOOM" in OPCODES)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
