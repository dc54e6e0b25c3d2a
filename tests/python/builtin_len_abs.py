# builtins: len() of every container and abs() of ints, big ints, floats and bools
print(len("abc"), len([1, 2]), len((1,)), len({1: 2, 3: 4}), len({1, 2, 2}), len(range(7)), len(""), len([[]]))
print(len({}.keys()), len("日本"), len(range(0, 100, 7)), len(list(range(1000))))
print(abs(-5), abs(5), abs(-2**70), abs(-0.0), abs(-1.5), abs(True), abs(-2**63), abs(float("-inf")))
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
