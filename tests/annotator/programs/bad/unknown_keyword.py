def greet(name, greeting="hi"):
    return greeting + name
def entry_point(argv):
    print(greet("x", salutation="yo"))
    return 0
