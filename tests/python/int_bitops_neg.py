# int: & | ^ ~ follow two's complement with infinite sign extension (negative and big values)
vals = [0, 1, -1, 6, -6, 255, -256, 2**64 + 3, -(2**64) - 3]
for a in vals:
    print(a, ~a, a & 0xff, a | 1, a ^ -1)
for a in (12, -12, 2**70 + 12):
    for b in (10, -10, 2**65 - 1):
        print(a & b, a | b, a ^ b)
print(~0, ~-1, ~(2**63), ~(-2**63))
m = 0
m |= 8
m |= 1
m &= ~1
m ^= 3
print(m)
