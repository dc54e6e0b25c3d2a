"""String comparison: ==, !=, <, <=, >, >= (byte-wise lexicographic,
prefixes first, uppercase before lowercase), min/max of strings, sorting
strings with list.sort and by hand, char comparisons."""

import sys


def cmp_str(a, b):
    if a < b:
        return "<"
    if a > b:
        return ">"
    return "="


def bubble_sort(items):
    n = len(items)
    for i in range(n):
        for j in range(n - 1 - i):
            if items[j] > items[j + 1]:
                tmp = items[j]
                items[j] = items[j + 1]
                items[j + 1] = tmp


def entry_point(argv):
    pairs = [("apple", "banana"), ("apple", "apple"), ("apple", "app"), ("Zebra", "apple"),
             ("", "a"), ("abc", "abd"), ("a", "B"), ("10", "9"), ("same", "same ")]
    for a, b in pairs:
        print("'%s' %s '%s'  (== %s, != %s, <= %s, >= %s)" % (a, cmp_str(a, b), b, str(a == b), str(a != b),
                                                        str(a <= b), str(a >= b)))
    words = ["pear", "Apple", "fig", "banana", "apple", "Fig", "cherry", "", "date"]
    print("min '%s', max '%s'" % (min(words[0], words[1]), max(words[2], words[3])))
    by_hand = list(words)
    bubble_sort(by_hand)
    print("bubble: " + ",".join(by_hand))
    builtin = list(words)
    builtin.sort()
    print("sort:   " + ",".join(builtin))
    print("same: %s" % str(by_hand == builtin))
    a = "x" * 3
    b = "xx" + "x"
    print("built equal: %s, identical text: %s" % (str(a == b), str(a + "!" == b + "!")))
    for c in "aZ09 ~":
        print("'%s': > 'M' %s, < '5' %s" % (c, str(c > "M"), str(c < "5")))
    print("char vs str: %s %s" % (str("a" < "ab"), str("b" > "ab")))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
