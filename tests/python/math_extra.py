# math: the less common functions hypot atan2 asin acos log10 log2 isfinite trunc copysign degrees radians
import math
print(math.hypot(3, 4), math.atan2(1, 1) * 4, math.atan2(-1, -1), math.asin(1), math.acos(1), math.acos(0))
print(math.log10(1000), math.log2(1024), math.log10(2), math.isfinite(1.0), math.isfinite(math.inf))
print(math.trunc(-2.7), math.copysign(3, -0.0), math.degrees(math.pi), math.radians(180))
