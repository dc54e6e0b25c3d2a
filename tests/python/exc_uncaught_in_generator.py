# uncaught: an error raised inside a generator frame while a for loop consumes it
def numbers(items):
    for item in items:
        yield 100 // item

total = 0
for n in numbers([1, 2, 5, 0, 10]):
    total += n
    print("running total", total)
