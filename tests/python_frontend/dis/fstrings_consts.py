def fmt(name, width):
    s = f"hello {name!r:>{width}} {width=}"
    t = f"{name}"
    u = ("a", 1, None, (2.5, b"x"))
    v = {"a": 1, "b": 2}
    return s, t, u, v, -1, 123456789012345678901234567890
