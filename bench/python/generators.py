# bench: generators: a pipeline of generators (source, filter, map, windowed sums) and generator
# expressions feeding sum/max. Argument: items (default 600000).
import sys


def source(n):
    x = 1
    for _ in range(n):
        x = (x * 48271) % 2147483647
        yield x


def evens(it):
    for v in it:
        if v & 1 == 0:
            yield v


def scaled(it):
    for v in it:
        yield v % 1000


def windows(it, k):
    window = []
    total = 0
    for v in it:
        window.append(v)
        total += v
        if len(window) > k:
            total -= window.pop(0)
        yield total


def main(argv):
    n = int(argv[1]) if len(argv) > 1 else 600000
    best = 0
    count = 0
    for s in windows(scaled(evens(source(n))), 8):
        count += 1
        if s > best:
            best = s
    sq = sum(v * v for v in range(n) if v % 3)
    print("windows %d best %d squares %d" % (count, best, sq))


main(sys.argv)
