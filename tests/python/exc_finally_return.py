# exceptions: finally runs on return; a return in finally overrides the try's return and swallows errors
def f():
    try:
        return "try"
    finally:
        print("finally runs before returning")

def g():
    try:
        return "try"
    finally:
        return "finally wins"

def h():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"

def k():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("x changed to", x, "after the return value was taken")

def counter():
    calls = []
    for i in range(3):
        try:
            if i == 1:
                return calls
        finally:
            calls.append(i)
    return calls

print(f())
print(g())
print(h())
print(k())
print(counter())
