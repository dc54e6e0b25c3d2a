# helper module for import tests (not a test itself): functions, a class, a constant, module state
print("mod_util is being imported, __name__ =", __name__)

VERSION = "1.2"
calls = 0


def double(x):
    global calls
    calls += 1
    return x * 2


class Greeter:
    def __init__(self, who):
        self.who = who

    def greet(self):
        return "hello " + self.who


def _private():
    return "private helper"


if __name__ == "__main__":
    print("never printed on import")
