# sys.ps1 and sys.ps2 are listed by dir(sys) and can be rebound; other sys names cannot.
import sys

print(repr(sys.ps1), repr(sys.ps2), "ps1" in dir(sys), "ps2" in dir(sys))
sys.ps1 = "in> "
sys.ps2 = 2
print(repr(sys.ps1), repr(sys.ps2))
try:
    sys.not_there = 1
except AttributeError as error:
    print("AttributeError", error)
