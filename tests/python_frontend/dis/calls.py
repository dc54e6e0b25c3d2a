def calls(f, obj, args, kwargs):
    f()
    f(1, 2)
    f(1, key=2)
    f(*args)
    f(1, *args, 3, k=4, **kwargs)
    obj.method(1)
    obj.method(k=1)
    obj.attr.method()
