# rlib: ovfcheck redoes the operation with overflow checking (raising
# OverflowError), intmask and r_uint are casts, we_are_translated is the constant True
# (the branch folds away).
import sys
if __name__ == "__main__":
    sys.path.append(".")
from rlib.rarith import ovfcheck, intmask, r_uint
from rlib.objectmodel import we_are_translated

def add(a, b):
    try:
        return ovfcheck(a + b)
    except OverflowError:
        return -1

def entry_point(argv):
    print(add(len(argv), 9223372036854775807))
    u = r_uint(len(argv)) - r_uint(2)
    print(intmask(u >> 1))
    n = 2
    if we_are_translated():
        n = 1   # the same either way: the output must not differ
    else:
        n = 1
    print(n)
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
