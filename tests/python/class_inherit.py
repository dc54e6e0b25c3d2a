# classes: inheritance, overriding, inherited methods calling overridden ones, isinstance/issubclass
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " says " + self.sound
    def describe(self):
        return "I am " + self.kind() + ": " + self.speak()
    def kind(self):
        return "animal"

class Dog(Animal):
    sound = "woof"
    def kind(self):
        return "dog"

class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + " (tiny)"

for a in (Animal("generic"), Dog("rex"), Puppy("bit")):
    print(a.describe())
p = Puppy("x")
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(Dog("d"), Puppy))
print(issubclass(Puppy, Animal), issubclass(Animal, Dog), issubclass(Dog, Dog), issubclass(Dog, object))
print(isinstance(p, (int, str, Dog)), isinstance(3, (str, float)))
