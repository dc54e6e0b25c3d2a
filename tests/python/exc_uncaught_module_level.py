# uncaught: a ZeroDivisionError at module level after some output: traceback with one <module> frame, exit 1
print("before the error")
values = [3, 2, 1, 0]
total = 0
for v in values:
    total += 12 // v
    print("total", total)
print("never printed")
