"""Dicts with structured values: dict of lists (grouping), dict of
dicts (a two-level index), dict of instances, lists of dicts, and
values mutated in place through a lookup."""

import sys


class Account(object):
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(amount)


def group_words(words):
    groups = {}
    for w in words:
        first = w[0]
        if first not in groups:
            groups[first] = []
        groups[first].append(w)
    return groups


def entry_point(argv):
    words = "apple avocado banana blueberry cherry apricot bean corn".split(" ")
    groups = group_words(words)
    for letter, members in groups.items():
        print("%s: %s" % (letter, ",".join(members)))
    index = {}
    for w in words:
        first = w[0]
        if first not in index:
            index[first] = {}
        index[first][len(w)] = w
    for letter, by_len in index.items():
        parts = []
        for n, w in by_len.items():
            parts.append("%d=%s" % (n, w))
        print("%s -> %s" % (letter, " ".join(parts)))
    accounts = {}
    for name in ["ann", "bob"]:
        accounts[name] = Account(name)
    for name, amount in [("ann", 10), ("bob", 5), ("ann", 7), ("ann", -3)]:
        accounts[name].deposit(amount)
    for name, acct in accounts.items():
        parts = []
        for h in acct.history:
            parts.append(str(h))
        print("%s: balance %d history %s" % (acct.owner, acct.balance, " ".join(parts)))
    records = []
    for i in range(3):
        r = {}
        r["id"] = i
        r["square"] = i * i
        records.append(r)
    for r in records:
        print("record %d: %d" % (r["id"], r["square"]))
    counters = {"hits": [0], "misses": [0]}
    for i in range(10):
        if i % 3 == 0:
            counters["misses"][0] += 1
        else:
            counters["hits"][0] += 1
    print("hits %d misses %d" % (counters["hits"][0], counters["misses"][0]))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
