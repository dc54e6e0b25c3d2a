# classes: a small bank account model: class-level id counter, methods raising user errors, history
class InsufficientFunds(Exception):
    pass

class Account:
    next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account.next_id
        Account.next_id += 1
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds("%s has %d, wants %d" % (self.owner, self.balance, amount))
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return "Account#%d(%s, %d)" % (self.id, self.owner, self.balance)

def transfer(src, dst, amount):
    src.withdraw(amount)
    dst.deposit(amount)

a = Account("ann", 100)
b = Account("ben")
transfer(a, b, 30)
for src, dst, amt in ((b, a, 50), (a, b, -5), (a, b, 70)):
    try:
        transfer(src, dst, amt)
        print("ok", amt)
    except InsufficientFunds as e:
        print("refused:", e)
    except ValueError as e:
        print("bad amount:", e)
print(a, b, a.history, b.history)
