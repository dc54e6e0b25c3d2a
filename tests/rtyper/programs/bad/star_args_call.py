# A call with *args at run time is not translated yet: one clear error.
def add(a, b):
    return a + b

def entry_point(argv):
    t = (len(argv), 2)
    print(add(*t))
    return 0
