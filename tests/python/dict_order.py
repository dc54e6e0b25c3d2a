# dict: iteration follows insertion order; deleting and re-inserting moves a key to the end
d = {}
for k in [5, 3, 9, 1, 7]:
    d[k] = k * k
print(list(d), d)
del d[3]
d[3] = "back"
d[5] = "updated keeps place"
print(list(d.items()))
for k in list(d):
    if k > 4:
        del d[k]
print(d)
big = {}
for i in range(1000):
    big[(i * 37) % 1000] = i
print(list(big)[:10], list(big)[-3:], len(big))
for i in range(0, 1000, 2):
    del big[i]
print(list(big)[:10], len(big), sum(big))
