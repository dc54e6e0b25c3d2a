def greet(name, greeting="hello", times=1):
    return (greeting + " " + name) * times
def entry_point(argv):
    print(greet("bob"))
    print(greet("amy", times=2))
    print(greet(greeting="hi", name="al"))
    return 0
