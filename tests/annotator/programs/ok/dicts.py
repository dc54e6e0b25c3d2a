def count(words):
    d = {}
    for w in words:
        d[w] = d.get(w, 0) + 1
    return d
def entry_point(argv):
    d = count(argv)
    for k, v in d.items():
        print(k, v)
    for k in d.keys():
        print(k)
    print("x" in d, len(d))
    return 0
