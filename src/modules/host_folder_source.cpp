// The host-folder module source: files under one granted folder, memory-mapped where possible.
#include <cstdio>
#include <vector>

#include "modules/host_files.hpp"

#if XIPY_HOSTED && __has_include(<sys/mman.h>)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define XIPY_HAS_MMAP 1
#endif

namespace xipy::modules {

// A bare-metal build (XIPY_HOSTED off) is never granted a folder, so it never makes this source
// (below), and its firmware carries neither std::filesystem nor the C library's file calls.
#if XIPY_HOSTED

namespace {

// A file's bytes kept alive for as long as a module made from them: a read-only mapping, or
// (without mmap, or for an empty file) a copy on the C++ heap.
struct HostFileBytes {
    const std::uint8_t* data = nullptr;
    std::size_t size = 0;
    std::vector<std::uint8_t> copy;
    HostFileBytes() = default;
    HostFileBytes(const HostFileBytes&) = delete;
    HostFileBytes& operator=(const HostFileBytes&) = delete;
    ~HostFileBytes() {
#ifdef XIPY_HAS_MMAP
        if (copy.empty() && data != nullptr) {
            munmap(const_cast<std::uint8_t*>(data), size);
        }
#endif
    }
};

std::shared_ptr<HostFileBytes> map_file(const std::filesystem::path& path) {
    auto bytes = std::make_shared<HostFileBytes>();
#ifdef XIPY_HAS_MMAP
    const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) {
        return nullptr;
    }
    struct stat status {};
    if (fstat(descriptor, &status) != 0 || !S_ISREG(status.st_mode)) {
        ::close(descriptor);
        return nullptr;
    }
    if (status.st_size > 0) {
        void* mapped = mmap(nullptr, static_cast<std::size_t>(status.st_size), PROT_READ,
                            MAP_PRIVATE, descriptor, 0);
        ::close(descriptor);
        if (mapped == MAP_FAILED) {
            return nullptr;
        }
        bytes->data = static_cast<const std::uint8_t*>(mapped);
        bytes->size = static_cast<std::size_t>(status.st_size);
        return bytes;
    }
    ::close(descriptor);
    return bytes;
#else
    std::FILE* file = std::fopen(path.string().c_str(), "rb");
    if (file == nullptr) {
        return nullptr;
    }
    std::uint8_t buffer[4096];
    for (std::size_t count; (count = std::fread(buffer, 1, sizeof buffer, file)) > 0;) {
        bytes->copy.insert(bytes->copy.end(), buffer, buffer + count);
    }
    std::fclose(file);
    bytes->data = bytes->copy.data();
    bytes->size = bytes->copy.size();
    return bytes;
#endif
}

class HostFolderSource final : public vm::ModuleSource {
  public:
    explicit HostFolderSource(std::string directory) : directory_(std::move(directory)) {}

    vm::PathKind stat(object::Runtime& runtime, std::string_view path) const override {
        auto resolved = resolve(runtime, path);
        if (!resolved) {
            return vm::PathKind::missing;
        }
        std::error_code error;
        const auto status = std::filesystem::status(*resolved, error);
        if (error) {
            return vm::PathKind::missing;
        }
        if (std::filesystem::is_directory(status)) {
            return vm::PathKind::directory;
        }
        return std::filesystem::is_regular_file(status) ? vm::PathKind::file
                                                        : vm::PathKind::missing;
    }

    bool read(object::Runtime& runtime, std::string_view path,
              vm::SourceFile& file) const override {
        auto resolved = resolve(runtime, path);
        if (!resolved) {
            return false;
        }
        std::shared_ptr<HostFileBytes> bytes = map_file(*resolved);
        if (bytes == nullptr) {
            return false;
        }
        file.bytes = {bytes->data, bytes->size};
        file.keep_alive = std::move(bytes);
        return true;
    }

  private:
    // Confined like open(); a refusal is "not there" to the import system.
    std::optional<std::filesystem::path> resolve(object::Runtime& runtime,
                                                 std::string_view path) const {
        auto resolved =
            resolve_in_root(runtime, directory_, path.empty() ? "." : path, LastComponent::follow);
        if (!resolved) {
            runtime.clear_exception();
        }
        return resolved;
    }

    std::string directory_;
};

}  // namespace

std::shared_ptr<vm::ModuleSource> make_host_folder_source(std::string directory) {
    return std::make_shared<HostFolderSource>(std::move(directory));
}

#else

std::shared_ptr<vm::ModuleSource> make_host_folder_source(std::string) { return nullptr; }

#endif

}  // namespace xipy::modules
