"""Attributes: set in __init__ and later, on the base class and on
subclasses, read through base-typed variables, class-level constants
read through the class and through instances, and counters mutated by
methods."""

import sys


class Vehicle(object):
    WHEELS = 4
    KIND = "vehicle"

    def __init__(self, plate):
        self.plate = plate
        self.km = 0
        self.owner = "nobody"

    def drive(self, km):
        self.km += km
        return self.km

    def label(self):
        return "%s %s (%d wheels)" % (self.KIND, self.plate, self.WHEELS)


class Bike(Vehicle):
    WHEELS = 2
    KIND = "bike"

    def __init__(self, plate):
        Vehicle.__init__(self, plate)
        self.gears = 21


class Truck(Vehicle):
    WHEELS = 6
    KIND = "truck"

    def __init__(self, plate, load):
        Vehicle.__init__(self, plate)
        self.load = load

    def unload(self, amount):
        self.load -= amount


class Point(object):
    def __init__(self):
        self.x = 0
        self.y = 0


def entry_point(argv):
    fleet = [Vehicle("CAR-1"), Bike("BK-7"), Truck("TR-3", 500)]
    for v in fleet:
        v.drive(10)
        print(v.label())
    fleet[1].drive(5)
    fleet[2].owner = "acme"
    for v in fleet:
        print("%s: %d km, owner %s" % (v.plate, v.km, v.owner))
    print("class constants: %d %d %d %s" % (Vehicle.WHEELS, Bike.WHEELS, Truck.WHEELS, Truck.KIND))
    t = Truck("TR-9", 1000)
    t.unload(250)
    t.unload(100)
    print("truck load %d" % t.load)
    b = Bike("BK-1")
    b.gears -= 3
    print("bike gears %d, km %d" % (b.gears, b.km))
    p = Point()
    p.x = 3
    p.y = p.x * 2
    p.x += p.y
    print("point (%d, %d)" % (p.x, p.y))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
