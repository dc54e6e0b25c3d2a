# syntax: a SyntaxError in an imported sibling module: a traceback through the import, then its file and line
print("the importer runs until the import")
import mod_broken
print("not reached")
