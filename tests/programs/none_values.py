"""None: printed directly and via str() and %s, returned by functions
with no return, as a missing result next to instances and strings, and
tested with `is None` / `is not None`."""

import sys


class Item(object):
    def __init__(self, name):
        self.name = name


def find(items, name):
    for it in items:
        if it.name == name:
            return it
    return None


def nothing():
    pass


def maybe_name(flag):
    if flag:
        return "named"
    return None


def describe(s):
    if s is None:
        return "<none>"
    return s


def entry_point(argv):
    print(None)
    print(str(None))
    print("%s" % None)
    r = nothing()
    print(r is None)
    items = [Item("a"), Item("b"), Item("c")]
    for name in ["b", "z", "c"]:
        it = find(items, name)
        if it is None:
            print("%s: not found" % name)
        else:
            print("%s: found %s" % (name, it.name))
    for flag in [True, False]:
        s = maybe_name(flag)
        print("maybe_name(%s) -> %s, is None %s, is not None %s" % (str(flag), describe(s), str(s is None),
                                                                  str(s is not None)))
    print("%s|%s" % (maybe_name(True), maybe_name(False)))
    found = None
    for it in items:
        if it.name == "c":
            found = it
    if found is not None:
        print("last match: " + found.name)
    slots = [None, None, None]
    slots[1] = Item("middle")
    n = 0
    for sl in slots:
        if sl is None:
            n += 1
    print("empty slots: %d" % n)
    d = {}
    d["x"] = maybe_name(False)
    d["y"] = maybe_name(True)
    for k, v in d.items():
        print("%s -> %s" % (k, describe(v)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
