# float: int <-> float conversions (truncation, big ints, precision loss) and float() of strings
print(float(3), float(-7), float(2**53), float(2**53 + 1), float(10**20), float(True))
print(int(2.5), int(-2.5), int(1e18), int(1.5e19), int(-1e30), int(2.0**63), int(-2.0**63))
print(float("3.25"), float("-1e-3"), float(" 12 "), float("1_0.5"), float(".5"), float("5."), float("1E5"))
print(float(10**308) * 1.0 > 1e307)
try:
    float(10**400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    float("")
except ValueError as e:
    print("ValueError:", e)
print(2**63 + 0.0, 2**64 * 1.0, (2**63 - 1) * 1.0, 10**20 + 0.5)
print(7 // 2.0, 7 % 2.5, -7 // 2.0, -7 % 2.5, divmod(7.5, 2), divmod(-7.5, 2))
