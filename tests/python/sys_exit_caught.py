# sys: SystemExit is an exception: catchable, carries .code, not caught by except Exception; final status 4
import sys
try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit with code", e.code)
try:
    try:
        sys.exit("text code")
    except Exception:
        print("wrong: Exception does not catch SystemExit")
except SystemExit as e:
    print("SystemExit passes except Exception:", e.code)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
def nested():
    try:
        sys.exit(4)
    finally:
        print("cleanup in nested")
nested()
