# control flow: for/else and while/else run the else only when the loop was not broken
def find(items, target):
    for i, x in enumerate(items):
        if x == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")

find([1, 2, 3], 2)
find([1, 2, 3], 9)
find([], 0)
n = 0
while n < 3:
    n += 1
else:
    print("while finished normally, n =", n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print("never")
print("n =", n)
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if i + j == 3:
            break
    else:
        print("inner loop ran out for i =", i)
