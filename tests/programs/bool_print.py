"""Booleans: printing True/False directly and through str() and %s,
bool() of ints, floats, strings and lists, `and`/`or`/`not`, comparison
results stored in variables and lists, bools used as ints."""

import sys


def is_even(n):
    return n % 2 == 0


def all_positive(items):
    for x in items:
        if x <= 0:
            return False
    return True


def entry_point(argv):
    print(True)
    print(False)
    print(str(True) + "/" + str(False))
    print("%s %s" % (True, False))
    print("%d %d" % (True, False))
    t = 3 > 2
    f = 3 < 2
    print(t)
    print(f)
    print(not t)
    print(t and f)
    print(t or f)
    print(not (t and not f))
    for n in [0, 1, -1, 42]:
        print("bool(%d) = %s" % (n, str(bool(n))))
    for x in [0.0, -0.0, 0.1, -3.5]:
        print("bool(%s) = %s" % (str(x), str(bool(x))))
    for s in ["", "a", " ", "False"]:
        print("bool('%s') = %s" % (s, str(bool(s))))
    empty = list(range(0))
    full = [0]
    print("bool([]) = %s, bool([0]) = %s" % (str(bool(empty)), str(bool(full))))
    flags = []
    for n in range(6):
        flags.append(is_even(n))
    count = 0
    for fl in flags:
        if fl:
            count += 1
        print(fl)
    print("evens: %d" % count)
    print(all_positive([1, 2, 3]))
    print(all_positive([1, -2, 3]))
    print(all_positive([]))
    total = 0
    for n in range(10):
        total += int(is_even(n))
    print("sum of int(is_even): %d" % total)
    a = 5
    print(a > 3 and a < 10)
    print(1 < a <= 5)
    print(a == 5 or a == 6)
    print(t == True)
    print(f != False)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
