# builtins: hash() of ints, integral floats and bools is CPython's numeric hash (-1 -> -2, mod 2**61-1); equal values hash equal
for v in (0, 1, -1, -2, 7, 2**61 - 2, 2**61 - 1, 2**61, 2**64, -2**64, 2**100, 1.0, -3.0, 2.0**70, True, False, 1e300):
    print(repr(v), hash(v))
print(hash(2) == hash(2.0), hash(10**20) == hash(float(10**20)), hash("abc") == hash("ab" + "c"))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash(None) == hash(None))
class K:
    def __hash__(self):
        return 12345
print(hash(K()))
