# syntax: a compound statement without its colon; nothing runs (the print on line 2 never happens)
print("must not be printed")
x = 3
if x > 2
    print("big")
