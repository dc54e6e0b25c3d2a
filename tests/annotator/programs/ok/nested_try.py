class AppError(Exception):
    pass
class Inner(AppError):
    def __init__(self, depth):
        self.depth = depth
def level2(n):
    if n > 1:
        raise Inner(n)
    return n
def level1(n):
    try:
        return level2(n)
    except KeyError:
        return -2
def entry_point(argv):
    result = 0
    try:
        try:
            result = level1(len(argv) + 2)
        except IndexError:
            result = -1
    except Inner as e:
        result = e.depth
    except AppError:
        result = -3
    print(result)
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
