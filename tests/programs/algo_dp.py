"""Dynamic programming over lists of lists: edit distance, longest common
subsequence (with the subsequence rebuilt), 0/1 knapsack, and counting
coin change combinations."""

import sys


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        prev = cur
    return prev[len(b)]


def lcs(a, b):
    n = len(a)
    m = len(b)
    table = []
    for i in range(n + 1):
        table.append([0] * (m + 1))
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if a[i] == b[j]:
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    out = []
    i = 0
    j = 0
    while i < n and j < m:
        if a[i] == b[j]:
            out.append(a[i])
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return "".join(out)


def knapsack(weights, values, capacity):
    best = [0] * (capacity + 1)
    for k in range(len(weights)):
        w = weights[k]
        v = values[k]
        c = capacity
        while c >= w:
            if best[c - w] + v > best[c]:
                best[c] = best[c - w] + v
            c -= 1
    return best[capacity]


def coin_ways(coins, amount):
    ways = [1] + [0] * amount
    for coin in coins:
        for a in range(coin, amount + 1):
            ways[a] += ways[a - coin]
    return ways[amount]


def entry_point(argv):
    for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("same", "same"), ("intention", "execution")]:
        print("edit(%s, %s) = %d" % (a, b, edit_distance(a, b)))
    for a, b in [("ABCBDAB", "BDCABA"), ("AGGTAB", "GXTXAYB"), ("abc", "xyz")]:
        s = lcs(a, b)
        print("lcs(%s, %s) = '%s' (%d)" % (a, b, s, len(s)))
    print("knapsack = %d" % knapsack([1, 3, 4, 5], [1, 4, 5, 7], 7))
    print("knapsack = %d" % knapsack([10, 20, 30], [60, 100, 120], 50))
    print("coin ways(100) = %d" % coin_ways([1, 5, 10, 25, 50], 100))
    print("coin ways(11) = %d" % coin_ways([2, 5, 3, 6], 11))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
