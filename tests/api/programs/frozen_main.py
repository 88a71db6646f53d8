# Imports a module and a package the host froze into its binary.
import frozen_helper
from frozen_package import answer

print(frozen_helper.twice(21), answer)
print(frozen_helper.__name__)
