# sys.exit raises SystemExit, which can be caught and inspected
import sys
try:
    sys.exit(3)
except SystemExit as exit_request:
    print('SystemExit', exit_request.args)
try:
    sys.exit()
except SystemExit as exit_request:
    print('SystemExit', exit_request.args)
try:
    sys.exit('message')
except SystemExit as exit_request:
    print('SystemExit', exit_request.args)
print(issubclass(SystemExit, BaseException), issubclass(SystemExit, Exception))
