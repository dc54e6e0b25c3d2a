# JIT loop: exceptions raised and caught inside a hot loop, with finally and a user exception class
# suite: slow
class Skip(Exception):
    pass

def check(i):
    if i % 3 == 0:
        raise Skip(i)
    return i

ok = 0
skipped = 0
cleanups = 0
for i in range(60000):
    try:
        ok += check(i)
    except Skip as e:
        skipped += 1
    finally:
        cleanups += 1
print(ok, skipped, cleanups)
errors = 0
for i in range(40000):
    try:
        x = 100 // (i % 10)
    except ZeroDivisionError:
        errors += 1
print(errors)
