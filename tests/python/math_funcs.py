# math: constants pi/e/inf/nan and the core functions sqrt exp log sin cos tan atan floor ceil fabs pow isnan isinf
import math
print(math.pi, math.e, math.inf, -math.inf, math.isnan(math.nan), math.isinf(-math.inf), math.isinf(1e308))
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.0), math.sqrt(10**20), math.sqrt(0.25))
print(math.exp(0), math.exp(1), math.log(1), math.log(math.e), math.log(8, 2), math.log(1024, 2))
print(math.sin(0), math.cos(0), math.sin(math.pi / 2), math.cos(math.pi), math.tan(0), math.atan(1) * 4)
print(math.fabs(-3), math.pow(2, 10), math.pow(2.5, 2), math.floor(-2.5), math.ceil(-2.5))
print(round(math.sin(1), 12), round(math.log(10), 12), round(math.exp(2.5), 10), math.sqrt(2) ** 2)
