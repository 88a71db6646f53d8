# Ends with sys.exit(3): hosts see SystemExit and exit code 3, and no traceback.
import sys

print("about to exit")
sys.exit(3)
