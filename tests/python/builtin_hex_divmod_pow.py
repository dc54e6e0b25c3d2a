# builtins: hex() of small, negative and big ints; divmod and pow of ints and floats, pow with modulus
print(hex(0), hex(255), hex(-255), hex(2**64), hex(-2**100), hex(2**63 - 1), hex(True))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-17.5, 5), divmod(2**70, 3))
print(pow(2, 8), pow(2, -2), pow(2.0, 3), pow(9, 0.5), pow(7, 2, 5), pow(2, 200, 10**9 + 7))
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
