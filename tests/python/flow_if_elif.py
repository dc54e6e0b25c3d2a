# control flow: if/elif/else chains, conditional expressions, nested conditions, pass, and truth of values
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2 == 0 and n > 100:
        return "big even"
    elif n % 2:
        return "odd"
    else:
        return "small even"

print([classify(n) for n in (-5, 0, 3, 4, 102, 101)])
def fizz(n):
    return "FizzBuzz" if n % 15 == 0 else "Fizz" if n % 3 == 0 else "Buzz" if n % 5 == 0 else str(n)
print(" ".join(fizz(n) for n in range(1, 21)))
x = 5
if x:
    pass
if not x:
    print("no")
elif x > 3:
    if x > 4:
        print("x > 4")
    else:
        pass
print(1 if [] else 2, 3 if [0] else 4, "a" if None is None else "b")
