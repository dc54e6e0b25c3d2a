# dict: keys that compare equal are one key: 1, 1.0 and True; -0.0 and 0; big ints; the first key is kept
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
d[0] = "zero"
d[-0.0] = "negzero"
d[False] = "false"
print(d)
d[2**64] = "big"
d[float(2**64)] = "bigfloat"
print(d[2**64], len(d), 2.0**64 in d)
e = {0.5: "half", 2: "two"}
print(e[0.5], e[2.0], 2 in e, 0.5 in {0.5})
print(hash(1) == hash(1.0) == hash(True), hash(2**64) == hash(2.0**64))
