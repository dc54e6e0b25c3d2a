def check(n):
    ok = n > 3
    both = ok and n < 10
    flag = not both
    return flag
def entry_point(argv):
    b = check(len(argv))
    x = b + 1
    print(b, x)
    return 0
