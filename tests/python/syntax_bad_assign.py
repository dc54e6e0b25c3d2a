# syntax: a function call as the target of a for loop
def f():
    return 1
for f() in range(3):
    pass
