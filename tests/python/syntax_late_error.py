# syntax: the error is on the last line of a long valid program: the whole file is compiled before running
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

class Box:
    def __init__(self, v):
        self.v = v

for i in range(10):
    print(fib(i), Box(i).v)

while True:
    break
else print("oops")
