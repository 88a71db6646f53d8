// HostServices: turning a host's directory into the filesystem grant, and the host calls that
// open or change files under it.
#include "vm/host_services.hpp"

#include <cerrno>

#if XIPY_HOSTED
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <system_error>
#endif

namespace xipy::vm {

#if XIPY_HOSTED

std::optional<std::string> canonical_filesystem_root(std::string_view directory) {
    std::error_code error;
    std::filesystem::path resolved = std::filesystem::canonical(std::string(directory), error);
    if (error || !std::filesystem::is_directory(resolved, error) || error) {
        return std::nullopt;
    }
    return resolved.string();
}

int open_host_file(const HostServices& host, const std::string& path, const FileAccess& access,
                   bool no_follow) {
    if (host.filesystem_root.empty() || (access.write && !host.filesystem_writable)) {
        return -EPERM;
    }
    // Look before opening: opening a FIFO blocks until a writer comes, even for reading.
    struct stat before {};
    if (::stat(path.c_str(), &before) == 0) {
        if (S_ISDIR(before.st_mode)) {
            return -EISDIR;
        }
        if (!S_ISREG(before.st_mode)) {
            return -EPERM;
        }
    }
    int flags = access.read && access.write ? O_RDWR : access.write ? O_WRONLY : O_RDONLY;
    flags |= (access.create ? O_CREAT : 0) | (access.truncate ? O_TRUNC : 0) |
             (access.append ? O_APPEND : 0) | (no_follow ? O_NOFOLLOW : 0);
    // Non-blocking while the file is checked again, in case it was swapped since the stat.
    int descriptor = ::open(path.c_str(), flags | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0666);
    if (descriptor < 0) {
        return errno == ELOOP || errno == ENXIO ? -EPERM : -errno;
    }
    struct stat opened {};
    if (::fstat(descriptor, &opened) != 0 || !S_ISREG(opened.st_mode)) {
        const bool directory = S_ISDIR(opened.st_mode);
        ::close(descriptor);
        return directory ? -EISDIR : -EPERM;
    }
    ::fcntl(descriptor, F_SETFL, flags & (O_APPEND));
    return descriptor;
}

int change_host_path(const HostServices& host, PathChange change, const std::string& path,
                     const std::string& target) {
    if (host.filesystem_root.empty()) {
        return -EPERM;
    }
    if (!host.filesystem_writable) {
        // As a read-only mount answers: what is missing stays ENOENT (mkdir: what exists is
        // EEXIST), so only a change that could happen is refused with EPERM.
        struct stat status {};
        const bool exists = ::lstat(path.c_str(), &status) == 0;
        if (change == PathChange::make_directory) {
            return exists ? -EEXIST : -EPERM;
        }
        return exists ? -EPERM : -ENOENT;
    }
    int result = 0;
    switch (change) {
        case PathChange::remove:
            result = ::unlink(path.c_str());
            break;
        case PathChange::rename:
            result = std::rename(path.c_str(), target.c_str());
            break;
        case PathChange::make_directory:
            result = ::mkdir(path.c_str(), 0777);
            break;
        case PathChange::remove_directory:
            result = ::rmdir(path.c_str());
            break;
    }
    return result == 0 ? 0 : -errno;
}

#else

// A target without a host filesystem (bare-metal firmware): no directory can be granted, so
// every file call is refused as it is for a VM given no root.
std::optional<std::string> canonical_filesystem_root(std::string_view) { return std::nullopt; }

int open_host_file(const HostServices&, const std::string&, const FileAccess&, bool) {
    return -EPERM;
}

int change_host_path(const HostServices&, PathChange, const std::string&, const std::string&) {
    return -EPERM;
}

#endif

}  // namespace xipy::vm
