class Greeter(object):
    def __init__(self, name):
        self.name = name
def entry_point(argv):
    g = Greeter(argv[0])
    print(g("hello"))
    return 0
