# str: isdigit on digit strings, signs, spaces, the empty string; used to parse tokens
for s in ("123", "0", "", "12a", "-1", " 1", "1.5", "007", "12 34"):
    print(repr(s), s.isdigit())
tokens = "x 12 y 7 z 300 -4 5.0".split()
nums = [int(t) for t in tokens if t.isdigit()]
print(nums, sum(nums))
