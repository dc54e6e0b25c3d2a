# exceptions: finally runs on break and continue, in nested loops, and when the loop body raises
log = []
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        log.append("body %d" % i)
    finally:
        log.append("finally %d" % i)
print(log)
log = []
i = 0
while True:
    i += 1
    try:
        try:
            if i == 2:
                raise KeyError(i)
            if i == 4:
                break
        finally:
            log.append("inner %d" % i)
    except KeyError:
        log.append("caught %d" % i)
        continue
    finally:
        log.append("outer %d" % i)
print(log)
def loop_return():
    for i in range(10):
        try:
            for j in range(10):
                try:
                    if j == 2:
                        return (i, j)
                finally:
                    print("inner finally", i, j)
        finally:
            print("outer finally", i)
print(loop_return())
