# Module-level dicts and lists are constants at run time: item assignment
# and deletion are errors; a prebuilt instance's list stays mutable.
NAMES = {"a": 1}
SIZES = [0, 0]


class Registry(object):
    def __init__(self):
        self.items = [0]


REGISTRY = Registry()


def forget(k):
    del NAMES[k]


def entry_point(argv):
    SIZES[0] = len(argv)
    forget(argv[0])
    REGISTRY.items.append(len(argv))
    return 0
