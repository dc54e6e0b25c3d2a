# sys: sys.exit("message") prints the message on stderr and exits with status 1
import sys
print("stdout before exit")
sys.exit("fatal: configuration file missing")
