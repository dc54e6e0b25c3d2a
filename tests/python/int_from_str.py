# int: int() parses decimal strings with sign, whitespace and underscores; other bases; errors
print(int("0"), int("-0"), int("+17"), int("  42  "), int("\t-9\n"), int("1_000_000"))
print(int("123456789012345678901234567890"), int("-99999999999999999999"))
print(int("ff", 16), int("-FF", 16), int("0x1f", 16), int("777", 8), int("0b1011", 2), int("z", 36))
print(int("0x10", 0), int("0o10", 0), int("10", 0), int("0b10", 0))
print(int(3.99), int(-3.99), int(1e20), int(True), int(-0.5))
for bad in ("", "abc", "1.5", "12a", "--1", "1 2", "0x10"):
    try:
        int(bad)
        print("no error", repr(bad))
    except ValueError as e:
        print("ValueError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
