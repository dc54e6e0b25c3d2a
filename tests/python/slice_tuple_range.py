# slice: slicing tuples and ranges gives tuples and ranges; slices on user objects via __getitem__
t = tuple(range(10))
print(t[2:5], t[::-3], t[-2:], t[5:100], type(t[1:2]).__name__)
r = range(0, 20, 2)
print(r[2:5], r[::-1], list(r[1::3]), r[5:2], list(r[-3:]))
class Recorder:
    def __getitem__(self, key):
        return key
rec = Recorder()
print(rec[1:2], rec[::3], rec[1:2:-1], rec[:], rec[5])
sl = rec[2:8:2]
print(sl.start, sl.stop, sl.step, list(range(10))[sl])
