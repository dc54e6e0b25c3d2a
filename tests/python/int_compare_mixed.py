# int: comparisons between small ints, big ints, floats and bools, including == across types
vals = [-2**70, -2**63, -1, 0, 1, True, 2**63 - 1, 2**63, 2**70, 0.5, -0.5, 1.0, 2.0**63]
for a in vals:
    row = []
    for b in vals:
        row.append("<" if a < b else (">" if a > b else "="))
    print("".join(row))
print(1 == 1.0, 2**63 == 2.0**63, 2**53 + 1 == 2.0**53 + 1, 2**53 + 1 == float(2**53 + 1))
print(0 == False, 1 == True, 2 == True, 0 == 0.0, -0 == -0.0)
print(max(3, 2**64, -5), min(3, 2**64, -5), sorted([3, 2**64, -2**64, 0.5, True]))
