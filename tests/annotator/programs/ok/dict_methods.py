def entry_point(argv):
    d = {}
    d["one"] = 1
    d["two"] = 2
    x = d.get("one", 0)
    y = d.get("zzz", -1)
    z = d.setdefault("three", 3)
    p = d.pop("two")
    q = d.pop("nope", 0)
    has = "one" in d
    missing = "two" not in d
    keys = list(d.keys())
    print(x, y, z, p, q, has, missing, len(keys), len(d))
    d.clear()
    print(len(d))
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
