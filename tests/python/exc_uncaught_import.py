# uncaught: an error raised in a function of an imported sibling module: frames in both files
import mod_shapes

print(mod_shapes.area("square", 3))
print(mod_shapes.area("hexagon", 3))
