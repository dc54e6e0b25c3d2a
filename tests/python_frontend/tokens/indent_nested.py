# nested blocks, several dedents at once, blank and comment lines
if a:
    if b:
        x = 1

        # a comment at another indentation
  # and one further left
    y = 2
z = 3
