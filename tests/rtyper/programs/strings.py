# Strings: concatenation, indexing (a bounds check, then the byte inline),
# slicing and methods call the runtime; %-formatting is parsed at
# translation time into string-builder calls.
def describe(name, n):
    s = "%s has %d items (%.2f each)" % (name, n, 1.0 / (n + 1))
    return s.upper() + name[0] + name[-2:]

def entry_point(argv):
    words = "alpha beta gamma".split(" ")
    print(describe(words[len(argv)], len(argv) * 3))
    print(",".join(words) + "!")
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
