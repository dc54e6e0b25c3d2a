# str: format() and format specs of ints and floats: signs, zero padding, grouping, types
for v in (0, 7, -7, 1234567, -2**63, 2**64):
    print(format(v), format(v, "10"), format(v, "+"), format(v, ","), format(v, "x"), format(v, "012d"))
for v in (0.0, -0.0, 1.5, -2.25, 1234567.891, 1e-9, 1e21, float("inf"), float("nan")):
    print(format(v), format(v, ".3f"), format(v, "10.2e"), format(v, "g"), format(v, "+.1f"), format(v, ".0f"))
print(format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"), format(2.675, ".2f"), format(1e16, ".1f"))
print(format("text", ">8"), format("text", "<8") + "|", format("text", "^9"), format(True), format(None))
print(str(12.0), str(1e16), "%.15g" % 0.1, "%.17g" % 0.1, format(0.1, ".20f"))
