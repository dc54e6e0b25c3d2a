# syntax: a dedent to a column that matches no outer block (IndentationError)
def f():
        x = 1
    return x
print(f())
