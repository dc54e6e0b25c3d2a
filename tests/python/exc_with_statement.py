# exceptions: with calls __enter__/__exit__, binds as-target, runs __exit__ on return, break and errors
class Tracker:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return False

with Tracker("a") as t:
    print("body", t)
def early():
    with Tracker("b"):
        return "returned"
print(early())
for i in range(3):
    with Tracker("loop%d" % i):
        if i == 1:
            break
try:
    with Tracker("c") as t:
        raise ValueError("inside")
except ValueError as e:
    print("propagated:", e)
with Tracker("outer") as o, Tracker("inner") as i:
    print("both", o, i)
