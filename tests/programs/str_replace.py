"""replace: all occurrences, with a count, of chars and of longer
substrings, growing and shrinking the string, with no match, and
chained replacements (a tiny template expander)."""

import sys

TEMPLATE = "Dear {name}, your order {id} ships to {city}. Thanks, {name}!"


def expand(template, keys, values):
    out = template
    for i in range(len(keys)):
        out = out.replace("{" + keys[i] + "}", values[i])
    return out


def entry_point(argv):
    s = "the rain in spain stays mainly in the plain"
    print(s.replace("ain", "AIN"))
    print(s.replace("ain", ""))
    print(s.replace(" ", "_"))
    print(s.replace("in", "<in>", 2))
    print(s.replace("xyz", "abc"))
    print(s.replace("the", "a").replace("a", "4"))
    print("aaaa".replace("aa", "b"))
    print("aaa".replace("a", "aa"))
    print("abc".replace("", "-"))
    print("".replace("a", "b") + "|")
    print(expand(TEMPLATE, ["name", "id", "city"], ["Ada", "#42", "London"]))
    text = "one\ttwo\tthree"
    print(text.replace("\t", "    "))
    path = "C:\\Users\\ada\\file.txt"
    print(path.replace("\\", "/"))
    count = 0
    t = "abababab"
    while "ab" in t:
        t = t.replace("ab", "", 1)
        count += 1
    print("removed %d times, left [%s]" % (count, t))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
