# global: assigning a name anywhere in a function makes it local, so reading it first is an error
x = 10
def f():
    print(x)
def g():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = 5
    return x
f()
print(g())
def h():
    try:
        return y
    except NameError as e:
        return "NameError: " + str(e)
print(h())
