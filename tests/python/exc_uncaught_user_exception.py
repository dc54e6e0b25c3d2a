# uncaught: a user exception class defined in the main script: the last line has no __main__. prefix
class ValidationError(Exception):
    pass

def validate(age):
    if age < 0:
        raise ValidationError("age must be >= 0, got %d" % age)
    return age

print(validate(30))
print(validate(-4))
