# float: repr/str give the shortest round-tripping form, with CPython's switch to exponent notation
vals = [0.0, -0.0, 1.0, -1.5, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 100.0, 1e15, 1e16, 1e17,
        123456789012345678.0, 1e-4, 1e-5, 0.00012345, 1e22, 1e23, 5e-324, 1.7976931348623157e308,
        3.14159, 2.5, 1e300 * 10, 12345.678, 0.1 * 3, 1.1 * 1.1, 9007199254740993.0]
for v in vals:
    print(repr(v), str(v), v)
print([0.1, 1e20, -2.0], (1.5,), {"x": 0.25})
print(float(10**16), float(2**70), float(-2**63))
