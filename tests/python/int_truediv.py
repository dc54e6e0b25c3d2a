# int: / always gives a float (correctly rounded, also for big operands); division by zero messages
print(7 / 2, -7 / 2, 6 / 3, 1 / 3, 2 / 3, -1 / 3)
print(10**20 / 3, 2**64 / 2**63, (2**100 + 1) / 2**100)
print(1 / 10, 3 / 10, 10 / 4, 0 / 5, 0 / -5)
print(type(4 / 2).__name__)
for expr in ("1 / 0", "1 // 0", "1 % 0", "divmod(1, 0)"):
    try:
        eval_result = None
        if expr == "1 / 0":
            eval_result = 1 / 0
        elif expr == "1 // 0":
            eval_result = 1 // 0
        elif expr == "1 % 0":
            eval_result = 1 % 0
        else:
            eval_result = divmod(1, 0)
        print(expr, eval_result)
    except ZeroDivisionError as e:
        print(expr, "->", e)
