# open: read() of a whole text file, len, splitting, and the file used as a context manager
with open("file_read_data.txt") as f:
    text = f.read()
print(len(text), text.count("\n"))
print(text.split("\n"))
f = open("file_read_data.txt")
first = f.read()
again = f.read()
f.close()
print(first == text, repr(again))
words = text.split()
print(len(words), words[:4], max(words, key=len))
