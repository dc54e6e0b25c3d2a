"""Searching strings: find/rfind with and without start and end, index
raising ValueError, count of substrings, `in` and `not in`,
startswith/endswith."""

import sys


def find_all(s, sub):
    out = []
    i = s.find(sub)
    while i >= 0:
        out.append(str(i))
        i = s.find(sub, i + 1)
    return ",".join(out)


def entry_point(argv):
    s = "the cat sat on the mat with the hat"
    print("find: %d %d %d %d" % (s.find("the"), s.find("at"), s.find("dog"), s.find("")))
    print("rfind: %d %d %d" % (s.rfind("the"), s.rfind("at"), s.rfind("dog")))
    print("find from 5: %d, in [5, 20): %d, in [5, 10): %d" % (s.find("the", 5), s.find("the", 5, 20),
                                                           s.find("the", 5, 10)))
    print("rfind before 20: %d" % s.rfind("the", 0, 20))
    print("all 'at': " + find_all(s, "at"))
    print("all 'the': " + find_all(s, "the"))
    print("count: %d %d %d %d" % (s.count("the"), s.count("at"), s.count("t"), s.count("xyz")))
    print("count overlapping 'aa' in 'aaaa': %d" % "aaaa".count("aa"))
    print("index of 'sat': %d" % s.index("sat"))
    try:
        s.index("dog")
    except ValueError as e:
        print("ValueError: " + str(e))
    for w in ["cat", "dog", "he m", ""]:
        print("'%s' in s: %s, not in: %s" % (w, str(w in s), str(w not in s)))
    print("char in: %s %s" % (str("z" in s), str("w" in s)))
    for prefix in ["the", "The", "", "the cat sat on the mat with the hat!"]:
        print("startswith('%s'): %s" % (prefix, str(s.startswith(prefix))))
    for suffix in ["hat", "at", "cat", ""]:
        print("endswith('%s'): %s" % (suffix, str(s.endswith(suffix))))
    path = "/usr/local/lib/python3/site.py"
    slash = path.rfind("/")
    dot = path.rfind(".")
    print("dir %s, file %s, ext %s" % (path[:slash], path[slash + 1:], path[dot + 1:]))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
