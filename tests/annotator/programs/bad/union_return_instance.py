class Ok(object):
    pass
def make(n):
    if n > 1:
        return Ok()
    return n
def entry_point(argv):
    print(make(len(argv)))
    return 0
