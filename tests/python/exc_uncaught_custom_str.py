# uncaught: a user exception with __str__ and an exception raised with no arguments (bare name line)
class Oops(Exception):
    def __str__(self):
        return "custom message from __str__"

def first():
    raise Oops()

try:
    first()
except Oops as e:
    print("caught once:", e)
raise StopIteration
