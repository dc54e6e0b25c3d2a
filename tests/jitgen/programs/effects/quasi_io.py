# Notes: a call that writes a quasi-immutable field (it invalidates the
# traces that folded it) and one that does I/O (print).
from rlib.jit import JitDriver, dont_look_inside

driver = JitDriver(greens=[], reds=['n', 'acc', 'cfg'])


class Config(object):
    _immutable_fields_ = ['scale?']

    def __init__(self, scale):
        self.scale = scale


@dont_look_inside
def rescale(cfg, k):
    cfg.scale = k


@dont_look_inside
def report(k):
    print(k)


def run(n):
    acc = 0
    cfg = Config(2)
    while n > 0:
        driver.jit_merge_point(n=n, acc=acc, cfg=cfg)
        acc += cfg.scale
        if n == 5:
            rescale(cfg, 3)
            report(acc)
        n -= 1
    return acc


def entry_point(argv):
    print(run(len(argv) + 10))
    return 0
