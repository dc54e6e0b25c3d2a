# str: lexicographic ordering by code point, sorting strings, and == versus identity-free equality
words = ["pear", "Pear", "peach", "pea", "p", "", "zebra", "Zebra", "éclair", "apple"]
print(sorted(words))
print(sorted(words, reverse=True))
print(max(words), min(words))
a = "".join(["ab", "c"])
print(a == "abc", a != "abc", "abc" < "abd", "abc" <= "abc", "b" > "abc", "10" < "9", "a" * 3 == "aaa")
print([w for w in words if "a" <= w < "p"])
