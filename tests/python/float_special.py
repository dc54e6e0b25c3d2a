# float: inf, -inf and nan: printing, arithmetic, comparisons, parsing, and int() of them
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, float("-inf"), float("Infinity"), float("  nan "), float("-NaN"))
print(inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, inf / inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf > 1e308, -inf < -1e308, inf == inf)
print(1e308 * 10 == inf, -1e308 * 10 == -inf)
z = -0.0
print(z, -z, z == 0.0, 0.0 * -5, repr(-0.0 * 0.0))
print(nan in [nan], [nan] == [nan])
for v in (inf, -inf, nan):
    try:
        print(int(v))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(max(1.0, inf), min(-inf, 0.0), sorted([3.0, -inf, inf, 0.0]))
