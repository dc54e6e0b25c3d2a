class Acc(object):
    def __init__(self):
        self.total = 0
        self.scale = 1.5
        self.name = "acc"
def entry_point(argv):
    a = Acc()
    a.total += 3
    a.total *= 2
    a.total -= 1
    a.total //= 2
    a.total %= 7
    a.scale *= 2
    a.scale /= 3
    a.name += "!"
    counts = [0, 0, 0]
    counts[1] += 5
    counts[2] -= 1
    d = {"x": 1}
    d["x"] += 10
    n = len(argv) + 5
    n <<= 2
    n >>= 1
    n |= 1
    n &= 0xFF
    n ^= 3
    print(a.total, a.scale, a.name, counts[1], counts[2], d["x"], n)
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
