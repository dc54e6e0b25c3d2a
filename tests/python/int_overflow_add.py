# int: a running sum that leaves the machine word and comes back stays exact
s = 0
step = 2**61
for i in range(10):
    s += step
    print(i, s)
for i in range(12):
    s -= step
print(s)
t = 9223372036854775000
for i in range(2000):
    t += 1
print(t)
for i in range(2000):
    t -= 1
print(t, t == 9223372036854775000)
u = -9223372036854775000
for i in range(1000):
    u -= 1
print(u)
