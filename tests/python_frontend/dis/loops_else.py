def loops(n):
    for i in range(n):
        if i == 3:
            break
    else:
        print("no break")
    while n:
        n -= 1
    else:
        print("exhausted")
    while True:
        if n > 10:
            break
        n += 1
