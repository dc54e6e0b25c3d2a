import sys
if __name__ == "__main__":
    sys.path.append(".")
from rlib.jit import hint

def entry_point(argv):
    x = hint(len(argv), promte=True)
    print(x)
    return 0
