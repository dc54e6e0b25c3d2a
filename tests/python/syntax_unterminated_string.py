# syntax: an unterminated string literal on line 3
greeting = "hello"
message = "unterminated
print(greeting)
