# sys: argv holds the script path then the arguments (from sys_argv.args), as strings
import sys
print(len(sys.argv))
print(sys.argv[0].split("/")[-1])
print(sys.argv[1:])
total = 0
for a in sys.argv[1:]:
    if a.lstrip("-").isdigit():
        total += int(a)
print("numeric total", total)
print([a.upper() for a in sys.argv[1:] if not a.lstrip("-").isdigit()])
