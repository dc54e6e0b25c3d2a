def make(flag):
    if flag:
        return [1, 2]
    return []
def total(items):
    s = 0
    for x in items:
        s += x
    return s
def entry_point(argv):
    a = make(len(argv) > 1)
    b = make(False)
    b.append(-5)
    print(total(a), total(b))
    return 0
