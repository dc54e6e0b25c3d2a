# str: split() on whitespace runs, split(sep) keeping empty fields, maxsplit, and splitlines-free parsing
print("a b  c".split(), "  lead and trail  ".split(), "".split(), "   ".split(), "\ta\nb\r\nc ".split())
print("a,b,,c,".split(","), ",".split(","), "".split(","), "abc".split(","), "a::b::c".split("::"))
print("a b c d".split(" ", 1), "a,b,c,d".split(",", 2), "a,b".split(",", 0), "a b  c".split(None, 1))
print("key=value=more".split("=", 1), "1 2 3".split(" "), "x".split("x"), "xx".split("x"))
line = "name: Ada Lovelace; born: 1815; field: mathematics"
fields = {}
for part in line.split("; "):
    k, v = part.split(": ")
    fields[k] = v
print(fields)
try:
    "a b".split("")
except ValueError as e:
    print("ValueError:", e)
