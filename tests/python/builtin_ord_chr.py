# builtins: ord() and chr() over ASCII, Latin-1, BMP and astral code points, and their range errors
for c in ("A", "z", "0", " ", "\n", "é", "ÿ", "Ā", "€", "日", "\uffff", "😀", "\U0010ffff"):
    print(repr(c), ord(c), chr(ord(c)) == c)
print(chr(65), chr(97), chr(233), chr(0x20ac), chr(0x1f600), chr(48) + chr(49), ord(chr(0x10ffff)))
print("".join(chr(ord("a") + i) for i in range(26)))
print([ord(c) - ord("0") for c in "2024"])
for bad in (-1, 0x110000):
    try:
        chr(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    ord("")
except TypeError as e:
    print("TypeError:", e)
