# math: floor/ceil/trunc return ints (also big ones); gcd, factorial, fmod and modf on edge cases
import math
for v in (2.5, -2.5, 2.0, -0.5, 0.0, 1e20, -1e20, 3):
    print(v, math.floor(v), math.ceil(v), math.trunc(v), type(math.floor(v)).__name__)
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(2**80, 6**40))
print(math.factorial(0), math.factorial(10), math.factorial(30))
print(math.fmod(7, 3), math.fmod(-7, 3), -7 % 3, math.modf(3.25), math.modf(-1.5))
print(math.floor(-1e-300), math.ceil(1e-300), math.floor(2**70 + 0.0) == 2**70)
