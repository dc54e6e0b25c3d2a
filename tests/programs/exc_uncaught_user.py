"""An uncaught user exception with a message: a class defined in the main
program with no __init__ of its own, raised as QuotaExceeded("..."). CPython
3.11 prints its bare name on the last traceback line, without a `__main__.`
prefix (`QuotaExceeded: quota of 10 exceeded`); exit status 1."""

import sys


class QuotaExceeded(Exception):
    pass


class Quota(object):
    def __init__(self, limit):
        self.limit = limit
        self.used = 0

    def take(self, n):
        if self.used + n > self.limit:
            raise QuotaExceeded("quota of %d exceeded" % self.limit)
        self.used += n


def entry_point(argv):
    q = Quota(10)
    for n in [3, 4, 2, 5]:
        q.take(n)
        print("used %d of %d" % (q.used, q.limit))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
