# functions: default values, positional or keyword calls, defaults evaluated once at definition
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct

print(greet("Ada"), greet("Ada", "Hi"), greet("Ada", punct="?"), greet(punct=".", name="Bob"))
base = 10
def add(x, y=base):
    return x + y
base = 20
print(add(1), add(1, 2))
def power(b, e=2, *, mod=None):
    r = b ** e
    if mod is not None:
        r %= mod
    return r
print(power(3), power(3, 3), power(3, mod=5), power(2, 10, mod=1000))
def f(a, b=2, c=3):
    return (a, b, c)
print(f(1), f(1, c=30), f(1, 20), f(a=0), f(*[7, 8]), f(**{"a": 1, "c": 9}))
