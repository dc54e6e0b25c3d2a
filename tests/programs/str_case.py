"""Case and classification: upper/lower, isdigit/isalpha/isspace/isalnum/
isupper/islower on strings and on single chars, a tokenizer built on
them, and swapping case by hand with chr/ord."""

import sys


def classify(c):
    if c.isdigit():
        return "digit"
    if c.isalpha():
        return "alpha"
    if c.isspace():
        return "space"
    return "other"


def swapcase(s):
    out = []
    for c in s:
        if "a" <= c <= "z":
            out.append(chr(ord(c) - 32))
        elif "A" <= c <= "Z":
            out.append(chr(ord(c) + 32))
        else:
            out.append(c)
    return "".join(out)


def tokens(s):
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(s) and s[j].isdigit():
                j += 1
            out.append("NUM(" + s[i:j] + ")")
            i = j
        elif c.isalpha():
            j = i
            while j < len(s) and s[j].isalnum():
                j += 1
            out.append("ID(" + s[i:j] + ")")
            i = j
        else:
            out.append("OP(" + c + ")")
            i += 1
    return out


def entry_point(argv):
    s = "Hello World 123!"
    print(s.upper())
    print(s.lower())
    print(swapcase(s))
    for t in ["123", "12a", "", "abc", "ABC", "aBc", "a1", " \t\n", " x ", "Hello"]:
        print("'%s': digit %s alpha %s space %s alnum %s upper %s lower %s" % (
            t, str(t.isdigit()), str(t.isalpha()), str(t.isspace()), str(t.isalnum()),
            str(t.isupper()), str(t.islower())))
    counts = {}
    for c in "a1 b2, c3!":
        kind = classify(c)
        counts[kind] = counts.get(kind, 0) + 1
    for kind, n in counts.items():
        print("%s: %d" % (kind, n))
    print(" ".join(tokens("x1 = 42 + foo*(bar - 7)")))
    print("upper of digits: " + "abc123xyz".upper())
    print("lower of mixed: " + "MiXeD CaSe 42".lower())
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
