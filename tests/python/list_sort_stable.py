# list: sorting is stable (equal keys keep their order), also with reverse=True and a big input
records = [("amy", 3), ("bob", 1), ("cid", 3), ("dan", 2), ("eve", 1), ("fay", 3), ("gus", 2)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
data = [(i * 7919) % 101 for i in range(500)]
by_mod = sorted(range(500), key=lambda i: data[i] % 10)
ok = True
for j in range(1, len(by_mod)):
    a, b = by_mod[j - 1], by_mod[j]
    if data[a] % 10 == data[b] % 10 and a > b:
        ok = False
print(ok, by_mod[:12])
s = sorted(data)
print(s[:10], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
