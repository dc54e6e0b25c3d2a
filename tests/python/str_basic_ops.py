# str: concatenation, repetition, comparison, in, len, indexing with negative indices, immutability
s = "hello"
t = "world"
print(s + " " + t, s * 3, 3 * "ab", "" * 5, s * 0, s * -1 == "")
print(len(s), len(""), s[0], s[-1], s[1:4], s[::-1], s[10:], s[:-10] == "")
print("ell" in s, "xyz" in s, "" in s, "h" not in t)
print("a" < "b", "abc" < "abd", "ab" < "abc", "B" < "a", "" < "a", "Z" > "a", "abc" == "abc")
print(min("hello"), max("hello"), sorted("hello"), list("abc"))
try:
    s[0] = "j"
except TypeError as e:
    print("TypeError:", e)
try:
    print(s[5])
except IndexError as e:
    print("IndexError:", e)
try:
    print("a" + 1)
except TypeError as e:
    print("TypeError:", e)
u = s
u += "!"
print(s, u, s.count("l"), "banana".count("an"), "aaaa".count("aa"), s.index("l"))
print(str(42), str(-1.5), str(True), str(None), str([1, "a"]), str("x"))
