# syntax: two expressions side by side (invalid syntax) after several valid lines
def ok():
    return 1

print(ok())
x = 1 2
