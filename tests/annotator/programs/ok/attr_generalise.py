class Base(object):
    pass
class A(Base):
    def __init__(self):
        self.value = 1
class B(Base):
    def __init__(self):
        self.value = 2
def get(o):
    return o.value
def entry_point(argv):
    objs = [A(), B()]
    s = 0
    for o in objs:
        s += get(o)
    print(s)
    return 0
