# str: find/index with start and end arguments, negative positions, empty needle, and index's error
s = "abracadabra"
print(s.find("a"), s.find("a", 1), s.find("a", 1, 3), s.find("bra", 2), s.find("z"), s.find(""), s.find("", 5))
print(s.find("a", -4), s.find("abra", -100), s.find("a", 20), s.find("", 20), s.find("ra", 0, -1))
print(s.index("c"), s.index("dab"), s.count("a"), s.count("a", 4), s.count("") )
try:
    s.index("xyz")
except ValueError as e:
    print("ValueError:", e)
print("c" in s, s.find("cad") >= 0)
