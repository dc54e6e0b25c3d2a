def show(x):
    print(x)
def entry_point(argv):
    show(1)
    show(argv)
    return 0
