"""Dict insertion order: kept across updates of existing keys, deletes
and re-inserts (a re-inserted key goes to the end), pop, clear, and a
dict that grows and shrinks many times."""

import sys


def show(label, d):
    parts = []
    for k, v in d.items():
        parts.append("%s:%d" % (k, v))
    print("%-16s {%s} len %d" % (label, " ".join(parts), len(d)))


def entry_point(argv):
    d = {}
    for name in ["one", "two", "three", "four", "five"]:
        d[name] = len(name)
    show("built", d)
    d["two"] = 22
    show("update two", d)
    del d["one"]
    show("del one", d)
    d["one"] = 1
    show("re-insert one", d)
    del d["three"]
    del d["five"]
    show("del three five", d)
    d["five"] = 5
    d["three"] = 3
    show("re-insert", d)
    v = d.pop("four")
    show("pop four -> %d" % v, d)
    d.clear()
    show("clear", d)
    d["z"] = 26
    d["a"] = 1
    show("after clear", d)
    churn = {}
    for i in range(1000):
        churn[i] = i * i
        if i % 3 != 0:
            del churn[i]
    print("churn: len %d" % len(churn))
    first = []
    for k in churn.keys():
        if len(first) < 6:
            first.append(str(k))
    print("first keys: " + " ".join(first))
    for i in range(0, 30, 3):
        del churn[i]
    for i in range(0, 9, 3):
        churn[i] = -1
    keys = []
    for k in churn:
        keys.append(k)
    print("head %d %d %d, tail %d %d %d, len %d" % (keys[0], keys[1], keys[2], keys[-3], keys[-2], keys[-1],
                                                    len(keys)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
