class Base:
    def greet(self):
        return "base"
class Child(Base):
    """Child doc."""
    kind = "child"
    def greet(self):
        return super().greet() + self.kind
