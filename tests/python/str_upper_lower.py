# str: upper/lower on ASCII text with digits and punctuation; comparisons after case folding
print("Hello, World! 123".upper(), "Hello, World! 123".lower(), "".upper(), "ABC".lower() == "abc")
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=lambda w: w.lower()), [w.upper() for w in words])
print("MiXeD".lower().upper(), "snake_case_name".upper())
s = "The Quick Brown Fox"
caps = 0
for c in s:
    if c != c.lower():
        caps += 1
print(caps)
