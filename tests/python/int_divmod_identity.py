# int: divmod(a, b) == (a // b, a % b) and a == b * q + r with sign(r) == sign(b), small and big
vals = [0, 1, -1, 3, -3, 7, -7, 100, -100, 2**62, -2**62, 2**63 - 1, -2**63, 2**64 + 5, -(2**70) - 3, 10**30]
bad = 0
count = 0
for a in vals:
    for b in vals:
        if b == 0:
            continue
        q, r = divmod(a, b)
        count += 1
        if q != a // b or r != a % b or b * q + r != a:
            bad += 1
            print("mismatch", a, b, q, r)
        if r != 0 and (r < 0) != (b < 0):
            bad += 1
            print("sign", a, b, r)
print(count, "pairs checked,", bad, "bad")
print(divmod(10**30, 7), divmod(-10**30, 7), divmod(10**30, -7))
