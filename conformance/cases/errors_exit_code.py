# SystemExit with a code ends the program with that status and no traceback.
import sys
print("exiting with 3")
sys.exit(3)
