# str: indexing and slicing non-ASCII text by code point, negative indices, steps, and out of range
s = "aé日😀z"
for i in range(len(s)):
    print(i, s[i], ord(s[i]))
for i in range(-1, -len(s) - 1, -1):
    print(i, s[i])
print(s[1:3], s[-2:], s[::2], s[::-1], s[1:-1], s[3:100], s[-100:2])
t = "Grüße aus Köln, 東京 und 🌍!"
print(t[2], t[4], t[16:18], t[-2], t[-3:], t[::-1])
print(t.index("K"), t.find("東"), t[t.find("東"):t.find("東") + 2])
try:
    print(s[5])
except IndexError as e:
    print("IndexError:", e)
try:
    print(s[-6])
except IndexError as e:
    print("IndexError:", e)
