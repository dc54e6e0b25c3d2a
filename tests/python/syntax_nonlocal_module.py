# syntax: nonlocal at module level is rejected by the compiler
print("not printed")
nonlocal x
