# Toolchain file for bare-metal Cortex-M3 (Debian's gcc-arm-none-eabi and newlib): the core as firmware links it.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_CXX_COMPILER arm-none-eabi-g++)
set(CMAKE_ASM_COMPILER arm-none-eabi-gcc)
# There is no operating system to run a test program on, so CMake's compiler check only
# compiles and archives.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

# Thumb-2 for the Cortex-M3 with soft float (it has no FPU), as MicroPython's qemu port
# builds for the same board. One section per function and per object lets the linker drop
# whatever the firmware never reaches (--gc-sections in the board port's link step).
# -Wno-psabi: GCC notes that passing some structs changed in GCC 7.1, which matters only when
# linking objects from GCC 6 or older.
set(XIPY_ARM_FLAGS
    "-mcpu=cortex-m3 -mthumb -mfloat-abi=soft -ffunction-sections -fdata-sections -Wno-psabi")
set(CMAKE_C_FLAGS_INIT "${XIPY_ARM_FLAGS}")
set(CMAKE_CXX_FLAGS_INIT "${XIPY_ARM_FLAGS}")
set(CMAKE_ASM_FLAGS_INIT "${XIPY_ARM_FLAGS}")
# newlib-nano: the small C library variant (and libstdc++_nano); the board port adds its own
# startup code, linker script and system calls.
set(CMAKE_EXE_LINKER_FLAGS_INIT "--specs=nano.specs -Wl,--gc-sections")

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
