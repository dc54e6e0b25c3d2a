# Dicts: an ordered table with str keys; item access raises KeyError (the
# guarded call inside try); iteration over keys is inline.
def count(words):
    d = {}
    for w in words:
        d[w] = d.get(w, 0) + 1
    return d

def entry_point(argv):
    d = count(["a", "b", "a"])
    for k in d:
        print(k, d[k])
    try:
        print(d["zz"])
    except KeyError:
        print("missing")
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
