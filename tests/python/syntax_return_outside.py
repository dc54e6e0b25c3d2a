# syntax: return outside a function is a compile-time SyntaxError, so the earlier print never runs
print("not printed")
for i in range(3):
    pass
return i
