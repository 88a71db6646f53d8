// FileMapping: a read-only view of a whole file, memory-mapped where possible.
#include "cli/file_mapping.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace xipy::cli {

namespace {

// Closes the descriptor on every return path; the mapping outlives it.
class Descriptor {
  public:
    explicit Descriptor(int number) : number_(number) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (number_ >= 0) {
            ::close(number_);
        }
    }
    int number() const { return number_; }

  private:
    int number_;
};

support::Error system_error() {
    return support::make_error(support::Error::no_offset, std::strerror(errno));
}

}  // namespace

support::Result<FileMapping> FileMapping::open(const std::string& path) {
    Descriptor descriptor(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (descriptor.number() < 0) {
        return system_error();
    }
    struct stat status {};
    if (::fstat(descriptor.number(), &status) != 0) {
        return system_error();
    }
    if (S_ISDIR(status.st_mode)) {
        return support::make_error(support::Error::no_offset, "Is a directory");
    }
    FileMapping mapping;
    if (S_ISREG(status.st_mode)) {
        if (status.st_size == 0) {
            return mapping;
        }
        const auto length = static_cast<std::size_t>(status.st_size);
        void* address = ::mmap(nullptr, length, PROT_READ, MAP_PRIVATE, descriptor.number(), 0);
        if (address != MAP_FAILED) {
            mapping.mapped_ = address;
            mapping.mapped_length_ = length;
            return mapping;
        }
    }
    std::uint8_t buffer[65536];
    for (;;) {
        const ssize_t count = ::read(descriptor.number(), buffer, sizeof buffer);
        if (count < 0) {
            if (errno == EINTR) {
                continue;
            }
            return system_error();
        }
        if (count == 0) {
            return mapping;
        }
        mapping.copy_.insert(mapping.copy_.end(), buffer, buffer + count);
    }
}

FileMapping::FileMapping(FileMapping&& other) noexcept { *this = std::move(other); }

FileMapping& FileMapping::operator=(FileMapping&& other) noexcept {
    if (this != &other) {
        release();
        mapped_ = std::exchange(other.mapped_, nullptr);
        mapped_length_ = std::exchange(other.mapped_length_, 0);
        copy_ = std::move(other.copy_);
        other.copy_.clear();
    }
    return *this;
}

FileMapping::~FileMapping() { release(); }

void FileMapping::release() {
    if (mapped_ != nullptr) {
        ::munmap(mapped_, mapped_length_);
        mapped_ = nullptr;
        mapped_length_ = 0;
    }
}

std::span<const std::uint8_t> FileMapping::bytes() const {
    if (mapped_ != nullptr) {
        return {static_cast<const std::uint8_t*>(mapped_), mapped_length_};
    }
    return copy_;
}

}  // namespace xipy::cli
