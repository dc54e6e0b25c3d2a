# time: time.time() is a float of seconds that does not go backwards; time.sleep waits at least its argument
import time
t0 = time.time()
print(type(t0).__name__, t0 > 1600000000)
time.sleep(0.05)
t1 = time.time()
print(t1 >= t0, t1 - t0 >= 0.04, t1 - t0 < 5)
s = 0
for i in range(10000):
    s += i
t2 = time.time()
print(s, t2 >= t1)
