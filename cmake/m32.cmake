# Toolchain file for the 32-bit x86 build (needs Debian's g++-multilib): proves the core
# and its unit tests make no assumption that pointers or size_t are 64 bits wide.
set(CMAKE_C_COMPILER gcc)
set(CMAKE_CXX_COMPILER g++)
# SSE2 arithmetic instead of the x87 unit: x87 keeps 80-bit intermediates, so
# float results would differ from every other target in the last bit (and from
# MicroPython's). Any 32-bit x86 CPU since 2001 has SSE2.
set(CMAKE_C_FLAGS_INIT "-m32 -msse2 -mfpmath=sse")
set(CMAKE_CXX_FLAGS_INIT "-m32 -msse2 -mfpmath=sse")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-m32")
set(CMAKE_SHARED_LINKER_FLAGS_INIT "-m32")
set(CMAKE_MODULE_LINKER_FLAGS_INIT "-m32")
