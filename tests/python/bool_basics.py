# bool: True/False are ints 1/0, and/or/not return operands, printing and arithmetic
print(True, False, not True, not 0, not "", not "x", not [], not None)
print(True + True, True * 3, -True, True / 2, True // 1, True & False, True | False, True ^ True)
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "default", None or 0, [] and 5, "a" and "b")
print(isinstance(True, int), type(True).__name__, int(True), str(False), repr(True))
print(bool(0), bool(1), bool(-1), bool(0.0), bool(0.1), bool(""), bool(" "), bool([]), bool([0]),
      bool(()), bool({}), bool({0: 0}), bool(None), bool(range(0)), bool(range(1)), bool(set()))
print(True == 1, False == 0, True is True, (1 < 2) is True, [True, False].count(1))
print(sum([True, True, False]), max(False, True), sorted([True, False, True]))
print(bool(2**100), bool(-0.0), bool(float("nan")))
