"""String operations: slicing, searching, splitting, joining, case,
conversions and %-formatting."""

import sys


def reverse(s):
    chars = []
    i = len(s) - 1
    while i >= 0:
        chars.append(s[i])
        i -= 1
    return "".join(chars)


def is_palindrome(s):
    letters = []
    for c in s.lower():
        if c.isalpha():
            letters.append(c)
    word = "".join(letters)
    return word == reverse(word)


def caesar(s, shift):
    out = []
    for c in s:
        if "a" <= c <= "z":
            out.append(chr((ord(c) - ord("a") + shift) % 26 + ord("a")))
        elif "A" <= c <= "Z":
            out.append(chr((ord(c) - ord("A") + shift) % 26 + ord("A")))
        else:
            out.append(c)
    return "".join(out)


def count_char(s, ch):
    n = 0
    for c in s:
        if c == ch:
            n += 1
    return n


def entry_point(argv):
    text = "The quick brown fox jumps over the lazy dog"
    words = text.split(" ")
    print("%d words, longest first letter %s" % (len(words), words[0][0]))
    print(text[4:9] + "|" + text[-3:] + "|" + text[:3])
    print(text.upper())
    print(text.lower().replace("the", "a"))
    print("find: %d %d" % (text.find("fox"), text.find("cat")))
    print("starts %s ends %s" % (str(text.startswith("The")), str(text.endswith("cat"))))
    print(reverse("stressed"))
    for s in ["A man, a plan, a canal: Panama", "Not a palindrome"]:
        print("%s -> %s" % (s, str(is_palindrome(s))))
    secret = caesar("Hello, World!", 13)
    print(secret + " / " + caesar(secret, 13))
    print("-".join(["a", "b", "c"]))
    print("[" + "  padded  ".strip() + "]")
    n = int("12345") + 1
    print("int: %d, str: %s, len: %d" % (n, str(n), len(str(n))))
    print("e count: %d" % count_char(text, "e"))
    print("%5d|%-5d|%05d|%x|%s" % (42, 42, 42, 255, "end"))
    print("ord/chr: %d %s" % (ord("A"), chr(98)))
    print("repeat: " + "ab" * 3)
    print("in: %s %s" % (str("fox" in text), str("cat" in text)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
