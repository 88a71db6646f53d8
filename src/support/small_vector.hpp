// SmallVector: a growable array whose first items live inside it, for short native scratch.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <span>
#include <type_traits>

#include "support/memory_source.hpp"

namespace xipy::support {

// Native code often gathers a few values before it makes an object of them: a class's bases
// and method resolution order, a call's arguments with a bound self. A std::vector costs a
// malloc for each, outside the VM's heap (and its fixed buffer); this keeps the first
// `inline_count` items in itself and takes more room from a MemorySource when one is given (a
// VM passes its heap's scratch memory), or from the C library when none is or it refuses.
// Items must be trivially copyable, since growing moves them as bytes.
//
// Invariants: data_ points at the inline room or at a block of capacity_ items, from source_
// when from_source_, else from malloc; size_ <= capacity_; capacity_ >= inline_count.
template <class T, std::size_t inline_count>
class SmallVector {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>,
                  "items are moved as bytes and never destroyed");
    static_assert(inline_count > 0);

  public:
    SmallVector() = default;
    explicit SmallVector(MemorySource& source) : source_(&source) {}
    SmallVector(const SmallVector&) = delete;
    SmallVector& operator=(const SmallVector&) = delete;
    ~SmallVector() { release_block(); }

    // Each returns false, changing nothing, when neither the source nor the C library gives
    // the memory.
    [[nodiscard]] bool push_back(const T& item) {
        if (size_ == capacity_ && !grow(size_ + 1)) {
            return false;
        }
        new (data_ + size_) T(item);
        ++size_;
        return true;
    }
    [[nodiscard]] bool append(std::span<const T> items) {
        if (items.size() > capacity_ - size_ && !grow(size_ + items.size())) {
            return false;
        }
        if (!items.empty()) {
            std::memcpy(static_cast<void*>(data_ + size_), items.data(), items.size() * sizeof(T));
        }
        size_ += items.size();
        return true;
    }
    [[nodiscard]] bool reserve(std::size_t count) { return count <= capacity_ || grow(count); }
    // `count` items; the ones added hold no particular value until written.
    [[nodiscard]] bool resize(std::size_t count) {
        if (!reserve(count)) {
            return false;
        }
        size_ = count;
        return true;
    }

    void clear() { size_ = 0; }
    void pop_back() { --size_; }
    // Drops the item at `index`, moving the later ones down.
    void erase(std::size_t index) {
        std::memmove(static_cast<void*>(data_ + index), data_ + index + 1,
                     (size_ - index - 1) * sizeof(T));
        --size_;
    }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    T* data() { return data_; }
    const T* data() const { return data_; }
    T& operator[](std::size_t index) { return data_[index]; }
    const T& operator[](std::size_t index) const { return data_[index]; }
    T& back() { return data_[size_ - 1]; }
    const T& back() const { return data_[size_ - 1]; }
    T& front() { return data_[0]; }
    const T& front() const { return data_[0]; }
    T* begin() { return data_; }
    T* end() { return data_ + size_; }
    const T* begin() const { return data_; }
    const T* end() const { return data_ + size_; }
    std::span<T> span() { return {data_, size_}; }
    std::span<const T> span() const { return {data_, size_}; }

  private:
    T* inline_items() { return reinterpret_cast<T*>(inline_room_); }

    bool grow(std::size_t needed) {
        std::size_t capacity = capacity_ * 2;
        if (capacity < needed) {
            capacity = needed;
        }
        if (capacity > static_cast<std::size_t>(-1) / sizeof(T)) {
            return false;
        }
        void* block = source_ != nullptr ? source_->allocate(capacity * sizeof(T)) : nullptr;
        const bool from_source = block != nullptr;
        if (block == nullptr) {
            block = std::malloc(capacity * sizeof(T));
        }
        if (block == nullptr) {
            return false;
        }
        if (size_ != 0) {
            std::memcpy(block, static_cast<const void*>(data_), size_ * sizeof(T));
        }
        release_block();
        data_ = static_cast<T*>(block);
        capacity_ = capacity;
        from_source_ = from_source;
        return true;
    }
    void release_block() {
        if (data_ == inline_items()) {
            return;
        }
        if (from_source_) {
            source_->release(data_, capacity_ * sizeof(T));
        } else {
            std::free(data_);
        }
    }

    alignas(T) unsigned char inline_room_[inline_count * sizeof(T)];
    T* data_ = inline_items();
    std::size_t size_ = 0;
    std::size_t capacity_ = inline_count;
    MemorySource* source_ = nullptr;
    bool from_source_ = false;
};

}  // namespace xipy::support
