def comps(data):
    a = [x * 2 for x in data if x]
    b = {x for x in data}
    c = {k: v for k, v in data}
    d = (x for x in data)
    e = [x + y for x in data for y in data if x != y]
    return a, b, c, d, e
