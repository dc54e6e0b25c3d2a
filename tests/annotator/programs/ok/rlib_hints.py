from rlib.jit import promote, we_are_jitted
from rlib.rarith import intmask
def entry_point(argv):
    n = promote(len(argv))
    if we_are_jitted():
        n += 1
    print(intmask(n * 3))
    return 0
