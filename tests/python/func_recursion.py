# functions: recursion: factorial, fibonacci with memo dict, mutual recursion, Ackermann, Hanoi
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

memo = {}
def fib(n):
    if n < 2:
        return n
    if n in memo:
        return memo[n]
    r = fib(n - 1) + fib(n - 2)
    memo[n] = r
    return r

def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)

def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))

moves = []
def hanoi(n, a, b, c):
    if n:
        hanoi(n - 1, a, c, b)
        moves.append(a + c)
        hanoi(n - 1, b, a, c)

print(fact(20), fact(25), fib(90), is_even(100), is_odd(77), ack(2, 3))
hanoi(5, "A", "B", "C")
print(len(moves), moves[:7])
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
