def checks(x):
    assert x, "x must be true"
    assert x > 0
    if x > 100:
        raise ValueError("too big") from None
    del x
    raise
