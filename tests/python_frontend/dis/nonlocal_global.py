counter = 0
def bump():
    global counter
    counter += 1
def make():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
