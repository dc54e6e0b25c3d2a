def count(n):
    i = 0
    while i < n:
        received = yield i
        i += 1
    return "done"
def delegate():
    result = yield from count(3)
    return result
