# sys: a command-line tool: reads the file named in argv (sidecar args + data), counts words and lines
import sys
if len(sys.argv) < 3:
    print("usage: sys_argv_wordcount.py FILE N")
    sys.exit(2)
path = sys.argv[1]
top = int(sys.argv[2])
counts = {}
lines = 0
with open(path) as f:
    for line in f:
        lines += 1
        for word in line.lower().split():
            word = word.strip(".,;:!?\"'()")
            if word:
                counts[word] = counts.get(word, 0) + 1
print("lines", lines, "distinct", len(counts), "total", sum(counts.values()))
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in ranked[:top]:
    print("%-8s %d" % (word, n))
