# open: a UTF-8 text file with non-ASCII text reads as code points (len, indexing, per-line parsing)
with open("file_unicode_data.txt", encoding="utf-8") as f:
    rows = [line.rstrip("\n").split(";") for line in f]
for city, country, pop in rows:
    print("%-10s|%-8s|%8d|%d" % (city, country, int(pop), len(city)))
total = sum(int(r[2]) for r in rows)
print(total, max(rows, key=lambda r: len(r[0]))[0], sorted(r[0][0] for r in rows))
with open("file_unicode_data.txt") as f:
    text = f.read()
print(len(text), text.count("ö"), text.find("東京"), text[text.find("東京"):text.find("東京") + 2])
