class Item(object):
    def __init__(self, name):
        self.name = name
def find(items, name):
    for it in items:
        if it.name == name:
            return it
    return None
def entry_point(argv):
    items = [Item("a"), Item("b")]
    x = find(items, "b")
    if x is not None:
        print(x.name)
    y = find(items, "z")
    if y is None:
        print("none")
    s = None
    if len(argv) > 1:
        s = argv[1]
    if s:
        print(s)
    return 0
