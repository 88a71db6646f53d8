// HostServices: which parts of the host machine a VM's Python code may reach.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace xipy::vm {

// A VM runs untrusted code, so it starts with no access to the host beyond the output
// callbacks: modules that would read files, clocks or the environment must check the matching
// grant first and raise OSError (errno EPERM, MicroPython's text "[Errno 1] EPERM") when it is
// not given. The C API leaves every grant off; `xipy run` turns them all on, the filesystem
// as the current directory.
//
// The filesystem grant is one directory, filesystem_root, which Python code sees as its "/"
// and its current directory: open(), os.listdir(), os.stat() and os.remove() resolve every
// path inside it (see resolve_in_root() in modules/os.cpp), and a path whose ".." climbs
// above it or whose symlinks lead outside it is refused with EACCES ("[Errno 13] EACCES").
// The check and the use of a path are two system calls, so a process outside the VM that
// swaps a directory for a symlink in between can still redirect one access (time-of-check to
// time-of-use); a root that only the VM's program can write to is not affected.
struct HostServices {
    // The granted directory as an absolute path without symlinks, "." or ".." (as made by
    // canonical_filesystem_root()); empty: no filesystem at all.
    std::string filesystem_root;
    bool clock = false;        // time.time(), time.sleep(), time.ticks_ms(), ...: real time
    bool environment = false;  // os.getenv() and friends: the process's environment
    // builtins: input() reads standard input one byte at a time through this (the next byte,
    // or -1 at end of file), so it never consumes past the line it returns. Null: input()
    // sees end of file at once.
    int (*read_stdin)(void* context) = nullptr;
    void* stdin_context = nullptr;
    // The embedding host's own pointer for this VM, passed through untouched: the api layer
    // finds its per-VM state (native modules, handles, user data) through it.
    void* embedder = nullptr;
};

// `directory` as HostServices::filesystem_root wants it: absolute, symlinks resolved; nothing
// when it does not name an existing directory.
std::optional<std::string> canonical_filesystem_root(std::string_view directory);

}  // namespace xipy::vm
