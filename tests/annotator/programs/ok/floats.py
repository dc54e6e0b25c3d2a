import math
def mean(xs):
    s = 0.0
    for x in xs:
        s += x
    return s / len(xs)
def entry_point(argv):
    m = mean([1.0, 2.5, 4])
    print(m, math.sqrt(m), math.floor(m), int(m), float(len(argv)))
    return 0
