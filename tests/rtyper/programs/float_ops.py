# Floats: arithmetic, mixing with ints (the int converts), comparisons,
# math, str() of a float.
import math

def norm(x, y):
    return math.sqrt(x * x + y * y)

def entry_point(argv):
    n = len(argv)
    x = 1.5 * n
    y = x - 0.25 + n
    if x < y:
        print(str(norm(x, y)))
    print(-x / 2)
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
