DEBUG = False
class Config(object):
    pass
def entry_point(argv):
    n = len(argv)
    if DEBUG:
        n = "never annotated"
    if isinstance(n, int):
        n += 1
    print(n)
    return 0
