# syntax: a parenthesis never closed: reported at the line of the opening bracket
values = [1, 2, 3]
total = sum(values
print(total)
