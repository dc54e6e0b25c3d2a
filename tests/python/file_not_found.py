# open: a missing file raises FileNotFoundError (an OSError) with errno text and the file name
try:
    open("no_such_file_here.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
try:
    with open("missing/dir/file.txt") as f:
        print(f.read())
except OSError as e:
    print(type(e).__name__, e.args[0] if e.args else None, e)
print(issubclass(FileNotFoundError, OSError))
