// HostServices: which parts of the host machine a VM's Python code may reach.
#pragma once

namespace xipy::vm {

// A VM runs untrusted code, so it starts with no access to the host beyond the output
// callbacks: modules that would read files, clocks or the environment must check the matching
// grant first and raise OSError (errno EPERM, MicroPython's text "[Errno 1] EPERM") when it is
// not given. The C API leaves every grant off; `xipy run` turns them all on.
struct HostServices {
    bool filesystem = false;   // open(), os.listdir(), os.stat(), ...: the process's files
    bool clock = false;        // time.time(), time.sleep(), time.ticks_ms(), ...: real time
    bool environment = false;  // os.getenv() and friends: the process's environment
    // builtins: input() reads standard input one byte at a time through this (the next byte,
    // or -1 at end of file), so it never consumes past the line it returns. Null: input()
    // sees end of file at once.
    int (*read_stdin)(void* context) = nullptr;
    void* stdin_context = nullptr;
};

}  // namespace xipy::vm
