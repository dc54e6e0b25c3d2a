# math: domain and range errors raise ValueError("math domain error") and OverflowError
import math
cases = [("sqrt(-1)", lambda: math.sqrt(-1)), ("log(0)", lambda: math.log(0)), ("log(-5)", lambda: math.log(-5)),
         ("acos(2)", lambda: math.acos(2)), ("exp(1000)", lambda: math.exp(1000)),
         ("floor(inf)", lambda: math.floor(math.inf)), ("floor(nan)", lambda: math.floor(math.nan)),
         ("factorial(-1)", lambda: math.factorial(-1)), ("pow(0, -1)", lambda: math.pow(0, -1))]
for name, fn in cases:
    try:
        print(name, fn())
    except ValueError as e:
        print(name, "ValueError:", e)
    except OverflowError as e:
        print(name, "OverflowError:", e)
