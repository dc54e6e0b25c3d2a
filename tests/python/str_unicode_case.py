# str: upper/lower of non-ASCII letters (Latin-1, Greek, Cyrillic), isdigit of non-ASCII digits
for w in ("héllo wörld", "ÉCOLE", "Ελληνικά", "Москва", "straße", "ǅ", "日本", "mIxEd ÄöÜ"):
    print(w, w.upper(), w.lower())
print("١٢٣".isdigit(), "²".isdigit(), "٣".isdigit(), "½".isdigit(), "é".isdigit(), "".isdigit())
print("é".upper() == "É", "Σ".lower(), "ÿ".upper())
