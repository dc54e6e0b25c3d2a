def caesar(s, k):
    out = []
    for c in s:
        if "a" <= c <= "z":
            out.append(chr((ord(c) - ord("a") + k) % 26 + ord("a")))
        else:
            out.append(c)
    return "".join(out)
def entry_point(argv):
    s = caesar("hello, world", 3)
    c = s[0]
    d = c + c
    print(s, c, d, c * 3, c.upper(), c.isalpha())
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
