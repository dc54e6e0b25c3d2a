class Base(object):
    pass
class A(Base):
    def __init__(self):
        self.tag = 1
class B(Base):
    def __init__(self):
        self.tag = "b"
def get(o):
    return o.tag
def entry_point(argv):
    print(get(A()), get(B()))
    return 0
