# str: strip/lstrip/rstrip with default whitespace and with a character set argument
s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("xxhixx".strip("x")), repr("xyhiyx".strip("xy")), repr("hello".strip("ho")), repr("".strip()))
print(repr("000123000".lstrip("0")), repr("000123000".rstrip("0")), repr("   ".strip()), repr("abc".strip("")))
print(repr("\n\nline\n".rstrip("\n")), repr("www.example.com".strip("cmowz.")))
