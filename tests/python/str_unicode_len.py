# str: len() counts code points of ASCII, Latin-1, BMP and astral text (not UTF-8 bytes)
texts = ["", "abc", "héllo", "naïve café", "日本語", "Ελληνικά", "😀", "a😀b", "€100", "x\u0301",
         "\u00e9\u0065\u0301", "\U0001F600\U0001F601\U0001F602", "mixed: ä ö ü ß 中文 🎉"]
for t in texts:
    print(len(t), t)
s = ""
for t in texts:
    s += t
print(len(s))
print(len("é" * 1000), len("😀" * 333 + "a"))
