add = lambda a, b=1, *c, d=2, **e: a + b
def kwonly(a, *, b, c=3):
    return a + b + c
