def build(words):
    d = {}
    for i, w in enumerate(words):
        d[w] = i
    return d
def entry_point(argv):
    d = build(["a", "bb", "ccc"] + argv)
    total = 0
    for k in d:
        total += len(k)
    for v in d.values():
        total += v
    for k, v in d.items():
        total += v * len(k)
    for k in d.keys():
        if k in d:
            total += 1
    print(total)
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
