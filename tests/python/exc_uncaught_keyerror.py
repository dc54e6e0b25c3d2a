# uncaught: KeyError's last line shows the repr of the key; raised from a lambda frame
prices = {"apple": 3, "pear": 4}
lookup = lambda name: prices[name]
print(lookup("apple"))
print(lookup("kiwi"))
