# str: repr() picks quotes and escapes control characters; non-ASCII printable text stays as is
vals = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash",
        "\x00\x07\x1f\x7f", "é日😀", "\r", ""]
for v in vals:
    print(repr(v))
print(["a'b", "c"], ("x\n",), {"k": "v\t"})
print(str("a\tb"), len(repr("\n")))
