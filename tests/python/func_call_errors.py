# functions: CPython's TypeError messages for missing, extra, duplicate and unexpected arguments
def f(a, b):
    return a + b

def g(a, b=1, *, c):
    return a

five = 5
ident = lambda x: x
calls = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, b=2, a=3),
    lambda: f(1, 2, c=3),
    lambda: g(1),
    lambda: ident(),
    lambda: len(),
    lambda: len(1, 2),
    lambda: five(),
]
for call in calls:
    try:
        call()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
