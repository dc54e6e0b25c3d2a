"""Inheritance: a three-level hierarchy, overriding, calling the base
implementation explicitly (Base.method(self)), constructors chaining to
the base constructor, and methods inherited unchanged."""

import sys


class Animal(object):
    def __init__(self, name, legs):
        self.name = name
        self.legs = legs

    def sound(self):
        return "..."

    def speak(self):
        return "%s says %s" % (self.name, self.sound())

    def describe(self):
        return "%s has %d legs" % (self.name, self.legs)


class Dog(Animal):
    def __init__(self, name):
        Animal.__init__(self, name, 4)
        self.tricks = 0

    def sound(self):
        return "woof"

    def learn(self):
        self.tricks += 1


class Puppy(Dog):
    def __init__(self, name):
        Dog.__init__(self, name)
        self.age_months = 3

    def sound(self):
        return Dog.sound(self) + " (squeaky)"

    def describe(self):
        return Animal.describe(self) + ", %d months old" % self.age_months


class Bird(Animal):
    def __init__(self, name, can_fly):
        Animal.__init__(self, name, 2)
        self.can_fly = can_fly

    def sound(self):
        if self.can_fly:
            return "tweet"
        return "squawk"

    def speak(self):
        return Animal.speak(self) + "!"


def entry_point(argv):
    zoo = [Animal("thing", 0), Dog("rex"), Puppy("bit"), Bird("tweety", True), Bird("pingu", False)]
    for a in zoo:
        print(a.speak())
        print("  " + a.describe())
    d = Dog("fido")
    p = Puppy("pip")
    for i in range(3):
        d.learn()
    p.learn()
    print("%s knows %d tricks, %s knows %d" % (d.name, d.tricks, p.name, p.tricks))
    p.age_months += 1
    print(p.describe())
    print("a puppy's legs: %d" % p.legs)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
