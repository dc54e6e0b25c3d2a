"""chr and ord: the printable ASCII table, letter arithmetic (ROT13 and a
Vigenere cipher), hex digits by hand, and chr of a computed code."""

import sys


def rot13(s):
    out = []
    for c in s:
        o = ord(c)
        if ord("a") <= o <= ord("z"):
            out.append(chr((o - ord("a") + 13) % 26 + ord("a")))
        elif ord("A") <= o <= ord("Z"):
            out.append(chr((o - ord("A") + 13) % 26 + ord("A")))
        else:
            out.append(c)
    return "".join(out)


def vigenere(text, key, sign):
    out = []
    for i in range(len(text)):
        shift = ord(key[i % len(key)]) - ord("a")
        o = ord(text[i]) - ord("a")
        out.append(chr((o + sign * shift) % 26 + ord("a")))
    return "".join(out)


def hex_byte(n):
    digits = "0123456789abcdef"
    return digits[n >> 4] + digits[n & 15]


def entry_point(argv):
    for start in range(32, 127, 16):
        row = []
        for code in range(start, min(start + 16, 127)):
            row.append(chr(code))
        print("%3d: %s" % (start, "".join(row)))
    print("ord: %d %d %d %d %d" % (ord("A"), ord("z"), ord("0"), ord(" "), ord("\n")))
    print(rot13("Hello, World!"))
    print(rot13(rot13("Hello, World!")))
    secret = vigenere("attackatdawn", "lemon", 1)
    print(secret + " " + vigenere(secret, "lemon", -1))
    parts = []
    for c in "RPy!":
        parts.append(hex_byte(ord(c)))
    print("hex: " + " ".join(parts))
    total = 0
    for c in "checksum":
        total = (total * 31 + ord(c)) % 65521
    print("checksum: %d" % total)
    alphabet = ""
    for i in range(26):
        alphabet += chr(ord("a") + i)
    print(alphabet)
    print(chr(len(argv) + 64) + chr(ord("a") + len(alphabet) - 1))
    print("chr/ord round trip: %s" % str(ord(chr(200)) == 200))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
