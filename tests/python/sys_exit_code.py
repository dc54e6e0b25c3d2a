# sys: sys.exit(3) ends the program with status 3 after running finally blocks; output before it is kept
import sys
def main():
    try:
        print("working")
        sys.exit(3)
    finally:
        print("finally still runs")
    print("not reached")
main()
print("not reached either")
