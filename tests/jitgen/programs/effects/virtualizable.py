# A class declaring _virtualizable_: a call that reads a listed field (or
# the items of a listed `[*]` list) accesses the virtualizable; one that
# reads only an unlisted field of the frame, or another class, does not.
from rlib.jit import JitDriver, dont_look_inside

driver = JitDriver(greens=[], reds=['n', 'frame', 'other'], virtualizables=['frame'])


class Frame(object):
    _virtualizable_ = ['acc', 'stack[*]']

    def __init__(self, name):
        self.acc = 0
        self.stack = [0, 0]
        self.name = name


class Other(object):
    def __init__(self):
        self.count = 0


@dont_look_inside
def read_acc(f):
    return f.acc


@dont_look_inside
def read_name(f):
    return len(f.name)


@dont_look_inside
def count(o):
    o.count += 1
    return o.count


def run(n):
    frame = Frame("main")
    other = Other()
    while n > 0:
        driver.jit_merge_point(n=n, frame=frame, other=other)
        frame.acc += read_acc(frame) + read_name(frame) + count(other)
        n -= 1
    return frame.acc


def entry_point(argv):
    print(run(len(argv) + 10))
    return 0
