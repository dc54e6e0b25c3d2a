# sys: sys.stdout.write writes text without a newline and returns the number of characters written
import sys
sys.stdout.write("no newline, ")
sys.stdout.write("then one\n")
n = sys.stdout.write("héllo 😀\n")
print(n)
for i in range(3):
    sys.stdout.write(str(i))
sys.stdout.write("\n")
print("print and", end=" ")
sys.stdout.write("write interleave\n")
w = sys.stdout.write
w("bound write\n")
sys.stdout.write("")
print(sys.stdout.write("x" * 5 + "\n") - 1)
