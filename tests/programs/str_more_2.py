"""String operations, conversions and formatting corner cases (written with
the str lowering; each line was checked against CPython)."""

import sys


def b(x):
    if x:
        return "T"
    return "F"


def entry_point(argv):
    n = len(argv)
    text = "The quick brown fox jumps over the lazy dog"
    print(text.upper())
    print(text.lower())
    c = text[n + 3]
    print(c.upper() + c.lower() + "A".lower() + "z".upper())
    print(b(c.isalpha()) + b(c.isdigit()) + b(c.isspace()) + b(c.isalnum()) + b(c.isupper()) + b(c.islower()))
    for w in ["", "abc", "ABC", "aBc", "123", "a1", " \t\n", "Ab1 ", "1A", "1a", "!"]:
        print("[" + w + "] " + b(w.isalpha()) + b(w.isdigit()) + b(w.isspace()) + b(w.isalnum()) + b(w.isupper()) + b(w.islower()))
    print("[" + "  padded \t\n".strip() + "]" + "[" + "  padded  ".lstrip() + "]" + "[" + "  padded  ".rstrip() + "]")
    print("[" + "xxhixyx".strip("xy") + "]" + "[" + "xxhixyx".lstrip("x") + "]" + "[" + "xxhixyx".rstrip("yx") + "]")
    print("[" + "  sp  ".strip(None) + "]")
    print(text.replace("the", "a").replace("o", "0", 2).replace("", "-", 3))
    print(text.replace("q", ""))
    print(str(text.find("fox")) + " " + str(text.find("cat")) + " " + str(text.find("o", 13)) + " " + str(text.find("o", 13, 14)))
    print(str(text.rfind("o")) + " " + str(text.rfind("the")) + " " + str(text.rfind("o", 0, 20)) + " " + str(text.find(c)) + " " + str(text.rfind(c)))
    print(str(text.count("o")) + " " + str(text.count("the")) + " " + str(text.count("")) + " " + str(text.count("o", 20)) + " " + str(text.count(c, 5, -5)))
    print(str(text.index("fox")) + " " + str(text.rindex("o")) + " " + str(text.index("o", 15, 30)))
    try:
        print(str(text.index("cat")))
    except ValueError as e:
        print("ValueError: " + str(e))
    try:
        print(str(text.rindex("z", 0, 10)))
    except ValueError as e:
        print("ValueError: " + str(e))
    print(b(text.startswith("The")) + b(text.startswith("the")) + b(text.endswith("dog")) + b(text.endswith("cat")))
    print(b(text.startswith("quick", 4)) + b(text.startswith("quick", 5)) + b(text.endswith("quick", 0, 9)) + b(text.endswith("", 50)) + b(text.startswith("", 43)))
    print(b(text.startswith(c)) + b(text.endswith("g")))
    words = text.split(" ")
    print(str(len(words)) + " " + words[0] + " " + words[len(words) - 1])
    words2 = text.split()
    print(str(len(words2)) + " " + words2[2])
    parts = "a,b,,c,".split(",")
    print(str(len(parts)) + "|".join(parts))
    parts = "a, b, c".split(", ", 1)
    print(str(len(parts)) + "|".join(parts))
    parts = "  a b  c  ".rsplit(None, 1)
    print(str(len(parts)) + "|".join(parts))
    parts = "a::b::c".rsplit("::", 1)
    print(str(len(parts)) + "|".join(parts))
    parts = "a,b,c".rsplit(",")
    print(str(len(parts)) + "|".join(parts))
    sep = "x" * (n - 1)
    try:
        parts = "axb".split(sep)
        print("no error")
    except ValueError as e:
        print("ValueError: " + str(e))
    print("-".join(text))
    print("".join(["a", "b", "c"]))
    chars = []
    for ch in "hello":
        chars.append(ch.upper())
    print("-".join(chars))
    print(", ".join(words))
    print("%5d|%-5d|%05d|%x|%X|%o|%s" % (42, 42, 42, 255, 255, 8, "end"))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
