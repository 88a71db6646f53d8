# sys.exit with a non-zero code after output ends the program without a traceback
import sys
print('before exit')
sys.exit(0)
print('never printed')
