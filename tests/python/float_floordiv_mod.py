# float: // and % follow the sign of the divisor; division by zero raises with float messages
for a in (7.5, -7.5, 0.5, -0.0, 1e300):
    for b in (2.0, -2.0, 0.3, -0.3):
        print(a, b, a // b, a % b)
print(5.0 % 3, -5.0 % 3, 5 % -3.0, 6.0 % 3.0, -6.0 % 3.0)
for op in ("/", "//", "%"):
    try:
        if op == "/":
            r = 1.0 / 0.0
        elif op == "//":
            r = 1.0 // 0.0
        else:
            r = 1.0 % 0.0
        print(r)
    except ZeroDivisionError as e:
        print(op, "ZeroDivisionError:", e)
try:
    print(1 / 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
