# dict: nested dicts and lists built by loops: inverted index, counts per key, sorted reporting
text = "one fish two fish red fish blue fish one two three"
words = text.split()
index = {}
for pos, w in enumerate(words):
    if w not in index:
        index[w] = []
    index[w].append(pos)
print(index)
by_count = {}
for w, positions in index.items():
    by_count.setdefault(len(positions), []).append(w)
for count in sorted(by_count, reverse=True):
    print(count, sorted(by_count[count]))
matrix = {r: {c: r * c for c in range(3)} for r in range(3)}
print(matrix, matrix[2][1])
