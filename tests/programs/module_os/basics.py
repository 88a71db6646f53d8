# os functions that need no filesystem changes: listdir and stat of the root, errors for missing paths
import os
print(type(os.listdir('/')).__name__, type(os.getcwd()).__name__)
try:
    os.stat('/definitely/not/here')
except OSError as error:
    print('OSError', isinstance(error.args[0], int))
try:
    os.remove('/definitely/not/here')
except OSError as error:
    print('OSError', isinstance(error.args[0], int))
print(callable(os.listdir), callable(os.stat), callable(os.remove))
