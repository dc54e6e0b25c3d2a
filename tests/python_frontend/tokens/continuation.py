# implicit joining in brackets, backslash continuation
total = (1 +
         2) + \
    3
items = [
    1,  # comment inside brackets

    2,
]
call(a,
     b)[0]
