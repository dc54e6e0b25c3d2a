class MyError(Exception):
    def __init__(self, code):
        self.code = code
def risky(n):
    if n > 2:
        raise MyError(n)
    if n < 0:
        raise ValueError("negative")
    return n * 10
def entry_point(argv):
    try:
        r = risky(len(argv))
    except MyError as e:
        r = e.code
    except ValueError:
        r = -1
    print(r)
    return 0
