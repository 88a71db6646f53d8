# expect: micropython 1.29
# platform's answers differ by runtime and machine; their types and shapes do not.
import platform

text = platform.platform()
print(type(text), "-with-" in text, text.count("-") >= 4)
print(platform.platform(aliased=True, terse=True) == text)
compiler = platform.python_compiler()
print(type(compiler), compiler == "" or compiler.startswith("GCC "))
library = platform.libc_ver()
print(type(library), len(library), [type(part) for part in library])
print(library == platform.libc_ver())
import uplatform

print(uplatform is platform)
print(sorted(name for name in dir(platform) if not name.startswith("__")))
