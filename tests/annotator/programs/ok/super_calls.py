class Animal(object):
    def __init__(self, name):
        self.name = name
        self.legs = 4
    def describe(self):
        return self.name + " with " + str(self.legs) + " legs"
    def sound(self):
        return "..."
class Bird(Animal):
    def __init__(self, name):
        Animal.__init__(self, name)
        self.legs = 2
    def describe(self):
        return Animal.describe(self) + " and wings"
    def sound(self):
        return "tweet"
class Parrot(Bird):
    def sound(self):
        return Bird.sound(self) + "!"
def entry_point(argv):
    zoo = [Animal("cat"), Bird("robin"), Parrot("polly")]
    for a in zoo:
        print(a.describe(), a.sound())
    return 0
if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
