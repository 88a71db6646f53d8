// FileMapping: a read-only view of a whole file, memory-mapped where possible.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "support/result.hpp"

namespace xipy::cli {

// The bytes of one file, kept alive and unchanged while the object lives.
//
// Invariant: exactly one of these holds: the file was mapped (mapped_ is not
// null and bytes() covers mapped_length_ bytes of it), or it was read into
// copy_ (bytes() views copy_), or it is empty. Move-only: the mapping has
// one owner that unmaps it.
class FileMapping {
  public:
    // Maps `path` read-only; falls back to reading it when it cannot be
    // mapped (a pipe, or a file system without mmap). An empty file is not
    // mapped at all. Errors carry the system's reason, e.g. "No such file or
    // directory".
    static support::Result<FileMapping> open(const std::string& path);

    FileMapping(FileMapping&& other) noexcept;
    FileMapping& operator=(FileMapping&& other) noexcept;
    FileMapping(const FileMapping&) = delete;
    FileMapping& operator=(const FileMapping&) = delete;
    ~FileMapping();

    std::span<const std::uint8_t> bytes() const;

  private:
    FileMapping() = default;
    void release();

    void* mapped_ = nullptr;
    std::size_t mapped_length_ = 0;
    std::vector<std::uint8_t> copy_;
};

}  // namespace xipy::cli
