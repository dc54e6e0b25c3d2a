def find(items, target):
    for i in range(len(items)):
        if items[i] == target:
            break
    else:
        return -1
    return i
def countdown(n):
    log = []
    while n > 0:
        n -= 1
        if n % 2 == 1:
            continue
        if n == 4:
            break
        log.append(n)
    else:
        log.append(-1)
    return log
def entry_point(argv):
    print(find([3, 5, 7], 5), find([3, 5, 7], 9))
    print(len(countdown(10)), len(countdown(3)))
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
