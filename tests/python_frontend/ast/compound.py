if a:
    pass
elif b:
    pass
else:
    pass
while x:
    break
else:
    continue_ = 1
for i, (j, k) in items:
    continue
else:
    done()
try:
    risky()
except (A, B) as e:
    handle(e)
except C:
    pass
except:
    raise
else:
    ok()
finally:
    cleanup()
with open(f) as fh, lock:
    use(fh)
with (a as b, c as d,):
    pass
