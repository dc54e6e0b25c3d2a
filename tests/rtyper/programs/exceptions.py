# Exceptions: raise builds the instance (msg from the argument) and links to
# the except block; a call guarded by a try ends its block with
# last_exception and the handler's class match; other calls propagate.
class AppError(Exception):
    pass

class Missing(AppError):
    pass

def check(x):
    if x < 0:
        raise Missing("negative")
    if x > 100:
        raise AppError("too big")
    return x * 2

def safe(x):
    try:
        return check(x)
    except Missing:
        return -1
    except AppError as e:
        print(str(e))
        return -2

def entry_point(argv):
    print(safe(len(argv) - 5))
    print(safe(1000))
    print(10 // (len(argv) - 1))
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
