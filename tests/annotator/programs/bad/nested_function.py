def helper(n):
    def inner(x):
        return x + 1
    return inner(n)
def entry_point(argv):
    print(helper(2))
    return 0
