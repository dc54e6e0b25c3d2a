def unpack(seq):
    a, b = seq
    first, *rest = seq
    *init, last = seq
    (x, y), z = seq
    a, b = b, a
    return a, b, first, rest, init, last, x, y, z
