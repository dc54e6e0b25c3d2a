# str: join over lists, tuples, generators and strings; non-str items raise TypeError
print(", ".join(["a", "b", "c"]), "".join(("x", "y")), "-".join("abc"), "|".join([]), "+".join(["one"]))
print(" ".join(str(i) for i in range(5)), "\n".join(["l1", "l2"]))
print("<>".join(w.upper() for w in "to be or not".split()))
parts = []
for i in range(3):
    parts.append("[%d]" % i)
print("".join(parts), len("".join(parts)))
try:
    ", ".join(["a", 1, "b"])
except TypeError as e:
    print("TypeError:", e)
