# JIT loop: a generator consumed by a hot for loop, and a generator expression summed
# suite: slow
def squares(n):
    i = 0
    while i < n:
        yield i * i
        i += 1

total = 0
for v in squares(150000):
    total += v & 255
print(total)
print(sum(x % 7 for x in range(150000)))
