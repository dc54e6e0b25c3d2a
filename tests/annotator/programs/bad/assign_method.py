class A(object):
    def go(self):
        return 1
def entry_point(argv):
    a = A()
    a.go = 5
    return 0
