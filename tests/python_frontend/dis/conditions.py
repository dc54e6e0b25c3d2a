def cond(a, b, c):
    if a and b or not c:
        return 1
    if a < b < c:
        return 2
    x = a if b else c
    y = a or b
    return x is not None and y not in c
