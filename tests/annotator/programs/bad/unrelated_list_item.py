class Cat(object):
    pass
class Car(object):
    pass
def entry_point(argv):
    things = [Cat()]
    things.append(Car())
    print(len(things))
    return 0
