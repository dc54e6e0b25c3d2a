# syntax: an unexpected indent on line 3 (IndentationError, a SyntaxError subclass)
a = 1
    b = 2
print(a)
