# builtins: any/all on empty and non-empty iterables, short-circuit on generators
print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), any("") , all(""), any([None, ""]), all([1, "x", [0]]))
consumed = []
def gen(vals):
    for v in vals:
        consumed.append(v)
        yield v
print(any(gen([0, 0, 5, 0, 0])), consumed)
consumed.clear()
print(all(gen([1, 2, 0, 3])), consumed)
print(all(x < 10 for x in range(10)), any(x > 8 for x in range(5)), all(isinstance(x, int) for x in [1, True]))
