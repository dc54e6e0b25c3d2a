# str: literal forms: escapes, \x \u \U \N-free unicode, raw strings, triple quotes, implicit concatenation
print("a\tb|", "c\\d", "e\'f", 'g\"h', "\x41\x42", "\u00e9\u65e5", "\U0001F600", "\101\102")
print(r"raw\n\t", len(r"\n"), R"C:\dir\file")
print("""triple
quoted 'text' with "quotes"
""", end="")
print('''single ''' "adjacent " 'pieces')
s = ("implicit "
     "concatenation "
     "across lines")
print(s)
print("\
continued")
print(len("\n"), len("\\n"), ord("\0"), "null\0byte".split("\0"))
