# slice: string slicing with steps and negative/out-of-range bounds, equal to list slicing of chars
s = "0123456789"
cases = [(None, None, 2), (1, None, 3), (None, None, -1), (8, 2, -2), (-3, None, None), (None, -3, None),
         (-1, -4, -1), (100, None, -1), (None, 100, None), (5, 5, None), (7, 3, None), (None, None, -4)]
for start, stop, step in cases:
    a = s[start:stop:step]
    b = "".join(list(s)[start:stop:step])
    print(start, stop, step, repr(a), a == b)
print("hello"[::-1], "hello"[1:-1], "abc"[-1::-1], "abc"[:0], "x"[5:])
