def entry_point(argv):
    lst = [5, 3, 8]
    lst.append(1)
    lst.extend([9, 2])
    lst.insert(0, 7)
    last = lst.pop()
    first = lst.pop(0)
    i = lst.index(8)
    lst.remove(3)
    lst.reverse()
    lst.sort()
    print(last, first, i, lst.count(5), len(lst), 9 in lst)
    names = list("abc")
    copy = list(lst)
    copy.append(100)
    print(len(names), names[0], len(copy), len(lst), lst[1:], lst[:2], lst[::2])
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
