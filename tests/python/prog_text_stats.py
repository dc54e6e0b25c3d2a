# program: text statistics over a multi-line string: word frequencies, longest words, letter histogram
text = """Sing, O goddess, the anger of Achilles son of Peleus, that brought
countless ills upon the Achaeans. Many a brave soul did it send
hurrying down to Hades, and many a hero did it yield a prey to dogs
and vultures, for so were the counsels of Jove fulfilled from the day
on which the son of Atreus, king of men, and great Achilles, first fell out with one another."""
words = []
for raw in text.split():
    w = raw.strip(".,;:").lower()
    if w:
        words.append(w)
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(len(words), len(freq))
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
print(sorted(set(words), key=lambda w: (-len(w), w))[:5])
letters = {}
for c in text.lower():
    if "a" <= c <= "z":
        letters[c] = letters.get(c, 0) + 1
top = sorted(letters, key=lambda c: (-letters[c], c))[:5]
for c in top:
    print(c, "*" * (letters[c] // 4), letters[c])
lines = text.split("\n")
print([len(l) for l in lines], max(lines, key=len)[:20])
