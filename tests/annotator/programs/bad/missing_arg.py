def add(a, b):
    return a + b
def entry_point(argv):
    print(add(1))
    return 0
