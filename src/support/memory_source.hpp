// MemorySource: where the loader and the verifier take their memory, so a VM can count every byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

namespace xipy::support {

// A provider of raw memory blocks. A VM passes one that allocates on its own heap, so the
// loader's tables and the verifier's working memory count against the heap limit and show in
// gc.mem_alloc(); tools that only inspect a file use system_memory().
//
// Contract: allocate() returns memory aligned for any type, or nullptr when the source
// refuses (a limit, a locked heap); release() takes back exactly one earlier block with the
// size it was allocated with. A source outlives every block it handed out.
class MemorySource {
  public:
    virtual void* allocate(std::size_t bytes) = 0;
    virtual void release(void* memory, std::size_t bytes) = 0;

  protected:
    ~MemorySource() = default;
};

// malloc and free, uncounted: for hosts and tools outside any VM. Stateless, so one shared
// instance breaks no VM's isolation.
class SystemMemory final : public MemorySource {
  public:
    void* allocate(std::size_t bytes) override { return std::malloc(bytes == 0 ? 1 : bytes); }
    void release(void* memory, std::size_t) override { std::free(memory); }
};

inline MemorySource& system_memory() {
    static constinit SystemMemory memory;
    return memory;
}

// A table whose capacity is fixed once, from a MemorySource: what the loader fills after
// sizing each table exactly, so nothing is wasted on growth and nothing ever moves.
// T must be trivially copyable and destructible (plain records of numbers and views).
//
// Invariants: size() <= capacity(); the storage holds capacity() elements, the first size()
// of them set; the table owns it and gives it back to `source_` when destroyed.
template <class T>
class FixedTable {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);

  public:
    FixedTable() = default;
    FixedTable(const FixedTable&) = delete;
    FixedTable& operator=(const FixedTable&) = delete;
    FixedTable(FixedTable&& other) noexcept { take(other); }
    FixedTable& operator=(FixedTable&& other) noexcept {
        if (this != &other) {
            clear();
            take(other);
        }
        return *this;
    }
    ~FixedTable() { clear(); }

    // Takes room for exactly `count` elements; only once per table. False when the source
    // refuses, or for more than UINT32_MAX elements or an overflowing byte count.
    [[nodiscard]] bool reserve(MemorySource& source, std::size_t count) {
        if (count == 0) {
            return true;
        }
        if (count > UINT32_MAX || count > SIZE_MAX / sizeof(T)) {
            return false;
        }
        void* memory = source.allocate(count * sizeof(T));
        if (memory == nullptr) {
            return false;
        }
        std::memset(memory, 0, count * sizeof(T));
        source_ = &source;
        data_ = static_cast<T*>(memory);
        capacity_ = static_cast<std::uint32_t>(count);
        return true;
    }
    // Precondition: size() < capacity().
    void push_back(const T& value) { data_[size_++] = value; }
    // Precondition: count <= capacity(). New elements are value-initialised.
    void resize(std::size_t count) {
        for (std::size_t index = size_; index < count; ++index) {
            new (&data_[index]) T{};
        }
        size_ = static_cast<std::uint32_t>(count);
    }

    std::size_t size() const { return size_; }
    std::size_t capacity() const { return capacity_; }
    bool empty() const { return size_ == 0; }
    T* data() { return data_; }
    const T* data() const { return data_; }
    T* begin() { return data_; }
    T* end() { return data_ + size_; }
    const T* begin() const { return data_; }
    const T* end() const { return data_ + size_; }
    T& operator[](std::size_t index) { return data_[index]; }
    const T& operator[](std::size_t index) const { return data_[index]; }
    const T& front() const { return data_[0]; }
    // The bytes this table holds from its source.
    std::size_t bytes() const { return capacity_ * sizeof(T); }

  private:
    void clear() {
        if (data_ != nullptr) {
            source_->release(data_, capacity_ * sizeof(T));
        }
        data_ = nullptr;
        size_ = capacity_ = 0;
        source_ = nullptr;
    }
    void take(FixedTable& other) {
        source_ = std::exchange(other.source_, nullptr);
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
        capacity_ = std::exchange(other.capacity_, 0);
    }

    MemorySource* source_ = nullptr;
    T* data_ = nullptr;
    // 32-bit counts keep the table at 24 bytes on 64-bit hosts: a loaded image's context holds
    // six of them. reserve() refuses more elements.
    std::uint32_t size_ = 0;
    std::uint32_t capacity_ = 0;
};

}  // namespace xipy::support
