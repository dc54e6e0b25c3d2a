"""String indexing: positive and negative indices, chars compared and
concatenated, IndexError for out-of-range indices caught (with its
message), iteration by index and by char."""

import sys


def char_at(s, i):
    try:
        return s[i]
    except IndexError:
        return "?"


def entry_point(argv):
    s = "abcdefghij"
    print(s[0] + s[1] + s[9])
    print(s[-1] + s[-2] + s[-10])
    for i in [0, 5, 9, 10, -1, -10, -11, 100]:
        print("s[%d] = %s" % (i, char_at(s, i)))
    try:
        print(s[len(s)])
    except IndexError as e:
        print("IndexError: " + str(e))
    out = ""
    i = len(s) - 1
    while i >= 0:
        out += s[i]
        i -= 2
    print("every other from the end: " + out)
    word = "racecar"
    same = True
    for i in range(len(word)):
        if word[i] != word[-1 - i]:
            same = False
    print("%s is a palindrome: %s" % (word, str(same)))
    count = 0
    for c in "mississippi":
        if c == "s":
            count += 1
    print("s in mississippi: %d" % count)
    c = s[3]
    print("c = %s, c == 'd' %s, c < 'e' %s" % (c, str(c == "d"), str(c < "e")))
    single = "z"
    print("len of one char: %d, single[0] = %s, single[-1] = %s" % (len(single), single[0], single[-1]))
    empty = ""
    print("empty[0] -> " + char_at(empty, 0))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
