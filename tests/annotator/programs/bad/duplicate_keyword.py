def area(w, h):
    return w * h
def entry_point(argv):
    print(area(2, w=3))
    return 0
