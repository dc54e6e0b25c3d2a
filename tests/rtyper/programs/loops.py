# for loops over ranges lower to an inline test and step (no StopIteration);
# while loops with break and continue.
def total(n):
    s = 0
    for i in range(n):
        if i % 3 == 0:
            continue
        s += i
    for j in range(n, 0, -2):
        s -= j
    return s

def find(limit):
    i = 0
    while True:
        i += 1
        if i * i > limit:
            break
    return i

def entry_point(argv):
    print(total(10))
    print(find(50))
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
