from rlib.rarith import intmask, r_uint, ovfcheck
def safe_add(a, b):
    try:
        return ovfcheck(a + b)
    except OverflowError:
        return -1
def hash_str(s):
    h = r_uint(5381)
    for c in s:
        h = h * r_uint(33) + r_uint(ord(c))
    return intmask(h)
def entry_point(argv):
    print(safe_add(1, 2), safe_add(9223372036854775807, 1) if False else 0)
    print(hash_str("abc") != 0, intmask(r_uint(7)))
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
