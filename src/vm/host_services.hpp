// HostServices: which parts of the host machine a VM's Python code may reach.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace xipy::vm {

// A VM runs untrusted code, so it starts with no access to the host beyond the output
// callbacks: modules that would read files, clocks or the environment must check the matching
// grant first and raise OSError (errno EPERM, MicroPython's text "[Errno 1] EPERM") when it is
// not given. The C API leaves every grant off; `xipy run` turns them all on but writing,
// the filesystem as the current directory (docs/host-access.md has the table).
//
// The filesystem grant is one directory, filesystem_root, which Python code sees as its "/"
// and its current directory: open(), os.listdir(), os.stat() and os.remove() resolve every
// path inside it (see resolve_in_root() in modules/os.cpp), and a path whose ".." climbs
// above it or whose symlinks lead outside it is refused with EACCES ("[Errno 13] EACCES").
// The check and the use of a path are two system calls, so a process outside the VM that
// swaps a directory for a symlink in between can still redirect one access (time-of-check to
// time-of-use); a root that only the VM's program can write to is not affected.
//
// The root is read-only unless filesystem_writable is set: then open()'s writing modes and
// os.remove(), os.rename(), os.mkdir() and os.rmdir() may change what lies inside it. Either
// way only regular files and directories are opened: a FIFO, device or socket could block the
// VM in the host's open() or read(), out of reach of the interrupt, so it is refused with
// EPERM. Every host call that opens or changes a file goes through the functions below, which
// check the grant themselves, so a module cannot forget it.
struct HostServices {
    // The granted directory as an absolute path without symlinks, "." or ".." (as made by
    // canonical_filesystem_root()); empty: no filesystem at all.
    std::string filesystem_root;
    bool filesystem_writable = false;  // the root may be changed, not only read
    bool clock = false;                // time.time(), time.sleep(), time.ticks_ms(), ...: real time
    bool environment = false;          // os.getenv() and friends: the process's environment
    bool threads = false;              // _thread.start_new_thread(): threads of the host process
    // socket: which addresses the program's sockets may reach (modules/socket.cpp). Loopback
    // confines them to this machine (127.0.0.0/8 and ::1), for tests and local services.
    enum class Network : unsigned char { none, loopback, any };
    Network network = Network::none;
    // builtins: input() reads standard input one byte at a time through this (the next byte,
    // or -1 at end of file), so it never consumes past the line it returns. Null: input()
    // sees end of file at once.
    int (*read_stdin)(void* context) = nullptr;
    void* stdin_context = nullptr;
    // The embedding host's own pointer for this VM, passed through untouched: the api layer
    // finds its per-VM state (native modules, handles, user data) through it.
    void* embedder = nullptr;
};

// How open() wants a file: the flags of its mode string, as MicroPython's unix port reads them.
struct FileAccess {
    bool read = false;
    bool write = false;
    bool create = false;    // make the file when it is missing ("w", "a")
    bool truncate = false;  // empty it first ("w")
    bool append = false;    // every write goes to the end ("a")
};

// Opens the regular file at `path` (a host path already confined to the root) and returns its
// file descriptor, or minus the host's errno: EPERM when writing is asked of a read-only root
// or `path` is not a regular file, EISDIR for a directory. `no_follow` refuses a last
// component that is a symlink (for a path whose last component was not resolved).
int open_host_file(const HostServices& host, const std::string& path, const FileAccess& access,
                   bool no_follow);

// The changes a program may make to the root's tree when it is writable.
enum class PathChange { remove, rename, make_directory, remove_directory };

// Applies `change` to `path` (and `target` for rename), both confined to the root; 0 or minus
// the host's errno. A read-only root answers as a read-only mount does: ENOENT for a missing
// path, EEXIST for mkdir of an existing one, EPERM for any change that could happen.
int change_host_path(const HostServices& host, PathChange change, const std::string& path,
                     const std::string& target = {});

// `directory` as HostServices::filesystem_root wants it: absolute, symlinks resolved; nothing
// when it does not name an existing directory.
std::optional<std::string> canonical_filesystem_root(std::string_view directory);

}  // namespace xipy::vm
