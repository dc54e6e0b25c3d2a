# bench: exceptions: raise and catch in loops, through a few call levels, with finally blocks and a user
# exception hierarchy. Argument: iterations (default 300000).
import sys


class AppError(Exception):
    pass


class Retry(AppError):
    def __init__(self, n):
        AppError.__init__(self, n)
        self.n = n


def parse(i):
    if i % 5 == 0:
        raise Retry(i)
    if i % 7 == 0:
        raise ValueError("bad")
    return i


def middle(i):
    try:
        return parse(i) * 2
    finally:
        pass


def outer(i):
    try:
        return middle(i)
    except Retry as e:
        return e.n % 3
    except ValueError:
        return -1


def main(argv):
    n = int(argv[1]) if len(argv) > 1 else 300000
    total = 0
    errors = 0
    cleanups = 0
    for i in range(n):
        total += outer(i)
        try:
            if i % 3 == 0:
                raise AppError(i)
            total += 1
        except AppError:
            errors += 1
        finally:
            cleanups += 1
        d = {}
        try:
            total += d[i]
        except KeyError:
            total -= 1
    print("total %d errors %d cleanups %d" % (total, errors, cleanups))


main(sys.argv)
