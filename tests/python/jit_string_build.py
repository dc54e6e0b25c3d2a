# JIT loop: string building, slicing, str() of ints and dict counting in a long loop
# suite: slow
counts = {}
parts = []
total_len = 0
for i in range(60000):
    s = str(i * 7)
    key = s[-1]
    counts[key] = counts.get(key, 0) + 1
    total_len += len(s)
    if i % 5000 == 0:
        parts.append(s + ":" + key)
print(sorted(counts.items()), total_len, "|".join(parts))
word = ""
for i in range(20000):
    word += "ab"[i % 2]
print(len(word), word[:10], word.count("ab"))
