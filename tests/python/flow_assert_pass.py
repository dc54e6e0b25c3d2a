# control flow: assert passes silently, raises AssertionError with or without a message when false
assert True
assert 1 + 1 == 2, "math works"
try:
    assert 1 > 2
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    assert [] , "empty list is false: " + str(len([]))
except AssertionError as e:
    print("AssertionError:", e)
def checked(x):
    assert isinstance(x, int), "want int, got %s" % type(x).__name__
    return x * 2
print(checked(4))
try:
    checked("4")
except AssertionError as e:
    print("AssertionError:", e)
