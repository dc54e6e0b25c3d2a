# int: floor division and modulo round toward negative infinity for every sign combination
for a in (7, -7, 6, -6, 0, 1, -1):
    for b in (2, -2, 3, -3, 1, -1):
        print(a, b, a // b, a % b, divmod(a, b))
print(-1 // 10, -9 // 10, -10 // 10, -11 // 10)
print(-1 % 10, -9 % 10, -10 % 10, -11 % 10)
print(13 % -4, -13 % 4, -13 % -4, 13 // -4)
