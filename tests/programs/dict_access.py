"""Dict access: d[k], get with and without a default, `in` / `not in`,
del d[k], pop with and without a default, setdefault, and KeyError from
a missing key or a failed pop/del, caught (with its message)."""

import sys


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        return -1


def entry_point(argv):
    ages = {"ann": 31, "bob": 45, "cy": 27}
    print("ann %d, zed %d" % (lookup(ages, "ann"), lookup(ages, "zed")))
    print("get: %d %d" % (ages.get("bob", 0), ages.get("dan", 0)))
    print("in: %s %s, not in: %s" % (str("cy" in ages), str("dan" in ages), str("dan" not in ages)))
    nicknames = {"ann": "annie"}
    maybe = nicknames.get("eve")
    print("get without default is None: %s, %s" % (str(maybe is None), nicknames.get("ann")))
    ages["dan"] = ages.get("dan", 0) + 1
    print("dan %d" % ages["dan"])
    print("setdefault existing: %d" % ages.setdefault("ann", 99))
    print("setdefault new: %d" % ages.setdefault("fay", 50))
    print("fay now %d, len %d" % (ages["fay"], len(ages)))
    print("pop: %d, pop default: %d" % (ages.pop("bob"), ages.pop("bob", -5)))
    del ages["cy"]
    try:
        del ages["cy"]
    except KeyError:
        print("del of a missing key: KeyError")
    try:
        ages.pop("nobody")
    except KeyError as e:
        print("pop of a missing key: KeyError " + str(e))
    try:
        print(ages["ghost"])
    except KeyError as e:
        print("missing key: KeyError " + str(e))
    nums = {1: "one", 2: "two"}
    try:
        print(nums[3])
    except KeyError as e:
        print("missing int key: KeyError " + str(e))
    try:
        print(nums[2])
        print(nums[-2])
    except LookupError:
        print("caught as LookupError")
    for k in ["ann", "bob", "dan", "fay"]:
        print("%s -> %d" % (k, ages.get(k, -1)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
