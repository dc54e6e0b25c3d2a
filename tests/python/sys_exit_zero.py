# sys: sys.exit() and sys.exit(None) and sys.exit(0) all mean success; code after them does not run
import sys
print("about to exit")
if len(sys.argv) > 5:
    sys.exit(0)
sys.exit()
print("unreachable")
