# str: iterating non-ASCII text yields one-code-point strings; ord/chr round trips; joining back
s = "żółć 😀 ü"
chars = []
for c in s:
    chars.append(c)
    print(repr(c), len(c), ord(c), hex(ord(c)))
print(len(chars), "".join(chars) == s, list(s) == chars)
print([ord(c) for c in "aé€😀"], "".join([chr(x) for x in [97, 233, 8364, 128512]]))
print(sorted("bå😀a"), max("aé€"), min("日本"), "é" > "z", "😀" > "€")
print(list(enumerate("αβγ")), list(zip("ab", "日本")), list(reversed("ü😀a")))
rev = ""
for c in s:
    rev = c + rev
print(rev, rev == s[::-1])
