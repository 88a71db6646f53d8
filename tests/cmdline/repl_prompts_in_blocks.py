# sys.ps2 prompts every line of a block; sys.ps1 can be set back
import sys
sys.ps2 = "more> "
for i in range(2):
    print(i)

sys.ps1 = ">>> "
print(sys.ps1, sys.ps2)
