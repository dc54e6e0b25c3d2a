# range: negative steps, reversed(range), big bounds, len of big ranges, membership arithmetic
print(list(range(10, 0, -1)), list(range(10, 0, -3)), list(range(0, 10, -1)), list(range(-1, -8, -2)))
print(list(reversed(range(5))), list(reversed(range(1, 10, 4))), list(reversed(range(0))))
big = range(0, 2**70, 2**60)
print(len(big), big[3], big[-1], 2**61 in big, 2**61 + 1 in big)
print(len(range(-2**62, 2**62, 2**40)), range(10, 0, -2)[1])
r = range(3, 30, 4)
print([x for x in range(35) if x in r])
print(7 in r, 8 in r, 31 in r, -1 in range(-5, 0), 0 in range(-5, 0))
