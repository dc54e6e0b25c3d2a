import os, time
def entry_point(argv):
    t0 = time.time()
    os.write(1, "hi\n".encode())
    dt = time.time() - t0
    print(dt >= 0.0)
    return 0
