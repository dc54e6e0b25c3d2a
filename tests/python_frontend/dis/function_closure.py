def outer(a, b=2):
    c = a + b
    def inner(d):
        return a + c + d
    return inner
