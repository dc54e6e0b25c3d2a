"""while loops: break, continue, while/else (the else runs only when the
loop ends without break), nested loops with flags, `while True` with a
return, and for/else."""

import sys


def first_divisor(n):
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return n
    return d


def find_pair(items, target):
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if items[i] + items[j] == target:
                return "%d+%d" % (items[i], items[j])
    return "none"


def has_negative(items):
    for x in items:
        if x < 0:
            break
    else:
        return False
    return True


def digits_reversed(n):
    out = 0
    while True:
        out = out * 10 + n % 10
        n //= 10
        if n == 0:
            return out


def entry_point(argv):
    for n in [2, 9, 15, 17, 91, 97]:
        print("first divisor of %d: %d" % (n, first_divisor(n)))
    i = 0
    odd_sum = 0
    while i < 20:
        i += 1
        if i % 2 == 0:
            continue
        if i > 15:
            break
        odd_sum += i
    print("odd sum up to 15: %d (stopped at %d)" % (odd_sum, i))
    print("pairs: %s %s" % (find_pair([1, 4, 6, 9], 10), find_pair([1, 2], 10)))
    print("has negative: %s %s" % (str(has_negative([1, -2, 3])), str(has_negative([1, 2]))))
    print("reversed digits: %d %d" % (digits_reversed(12345), digits_reversed(7)))
    n = 0
    outer = 0
    while outer < 5:
        inner = 0
        while inner < 5:
            if inner == outer:
                inner += 1
                continue
            if inner + outer > 6:
                break
            n += 1
            inner += 1
        outer += 1
    print("nested count: %d" % n)
    k = 10
    while k > 0:
        k -= 3
    else:
        print("while/else ran, k = %d" % k)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
