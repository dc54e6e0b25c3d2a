# str: replace all, with a count, with empty strings, and when nothing matches
s = "the cat sat on the mat"
print(s.replace("at", "og"), s.replace("the", "a", 1), s.replace(" ", ""), s.replace("xyz", "!"))
print("aaa".replace("a", "bb"), "aaa".replace("aa", "b"), "abc".replace("", "-"), "".replace("", "x"))
print("banana".replace("an", "AN", 0), "banana".replace("an", "AN", 5), "banana".replace("a", ""))
print("1,000,000".replace(",", "_"), "tab\there".replace("\t", "    "))
