# syntax: the same keyword argument given twice in one call
def f(**kw):
    return kw
print(f(a=1, a=2))
