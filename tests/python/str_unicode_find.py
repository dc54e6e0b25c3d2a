# str: find/index/count/replace/split/startswith on non-ASCII text report code-point positions
s = "über café, über 日本, 😀 über"
print(s.find("über"), s.find("über", 1), s.find("über", 12), s.find("über", -5))
print(s.find("日本"), s.find("😀"), s.find("x"), s.count("über"), s.index("café"))
print(s.replace("über", "on"), s.replace("😀", ":)"))
print(s.split(", "), s.split("ü"), "日本語 の テキスト".split())
print(s.startswith("über"), s.endswith("über"), s.startswith("café", 5), s.upper().count("ÜBER"))
print("→".join(["a", "b", "c"]), "  ünï  ".strip(), "ééxéé".strip("é"))
print("abc😀".find("😀"), "😀abc".find("abc"), "ab😀ab😀".find("😀", 3))
