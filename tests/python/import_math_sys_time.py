# import: the built-in modules math, sys and time with every import form
import math
import sys as system
from math import sqrt, pi as PI
from time import time
print(sqrt(49), PI == math.pi, system.argv[1:], type(time()).__name__, math.floor(PI))
def f():
    import math as m2
    return m2.sqrt(4)
print(f())
