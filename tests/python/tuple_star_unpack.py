# tuple: starred targets collect the rest into a list, anywhere in the target; starred in displays
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *mid, b = (1, 2)
print(a, mid, b)
a, *mid, b = range(6)
print(a, mid, b)
head, *tail = [0]
print(head, tail)
print([*range(3), *"ab"], (*[1, 2], 3), [*[], 0])
try:
    a, *mid, b = [1]
except ValueError as e:
    print("ValueError:", e)
