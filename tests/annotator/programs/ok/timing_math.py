import math
import time
def work(n):
    s = 0.0
    for i in range(n):
        s += math.sin(i) * math.cos(i) + math.sqrt(i)
    return s
def entry_point(argv):
    t0 = time.perf_counter()
    w0 = time.time()
    r = work(100)
    dt = time.perf_counter() - t0
    print(r > 0.0, dt >= 0.0, time.time() >= w0)
    print(math.floor(2.7), math.ceil(2.1), math.pow(2, 8), math.fabs(-1.5))
    print(math.exp(0.0), math.log(1.0), math.log(8, 2), math.atan2(1.0, 1.0), math.log10(100.0), math.log2(8))
    print(math.isnan(r), math.isinf(r), math.asin(1.0), math.acos(1.0), math.atan(1.0), math.tan(0.5), math.pi, math.e)
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
