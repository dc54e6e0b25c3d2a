def fill(lst, n):
    for i in range(n):
        lst.append(i * 2)
def entry_point(argv):
    a = []
    fill(a, 5)
    b = a
    b[0] = 7
    c = a + [1, 2]
    last = c.pop()
    print(len(c), last, a[1], c[-1:])
    return 0
