# float: comparison chains, min/max/sorted on floats and ints together, equality with ints
xs = [3.5, -1.0, 2, 0.0, -0.0, 10**20, 1e20, 2.5, -7]
print(sorted(xs))
print(max(xs), min(xs), sorted(xs, reverse=True)[:3])
print(1e20 == 10**20, 1e20 < 10**20 + 1, 0.1 + 0.2 == 0.3, 0.1 + 0.2 > 0.3, 0.5 == 1 / 2)
print(1.0 < 2 < 3.5 <= 3.5, -0.0 < 0.0, -0.0 == 0.0)
print(2.0**63 > 2**63 - 1, 2.0**63 == 2**63, 2.0**63 < 2**63 + 1)
