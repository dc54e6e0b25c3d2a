def entry_point(argv):
    s = "  Hello, World  "
    t = s.strip()
    print(t, s.lstrip(), s.rstrip(), t.upper(), t.lower())
    print(t.replace("World", "RPy"), t.find("o"), t.rfind("o"), t.count("l"))
    print(t.startswith("Hell"), t.endswith("!"), "123".isdigit(), "abc".isalpha())
    print("  ".isspace(), "a1".isalnum(), "AB".isupper(), "ab".islower())
    words = "a,b,c".split(",")
    spaced = "x y  z".split()
    print(len(words), len(spaced), "+".join(words), t.index("W"))
    print(t.strip("H"), "xxhixx".strip("x"))
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
