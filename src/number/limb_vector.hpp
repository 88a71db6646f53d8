// LimbVector: a big integer's limbs, the first few inline, the rest from the running VM's heap.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "number/natural_arithmetic.hpp"
#include "support/scratch_scope.hpp"

namespace xipy::number {

// A growable array of limbs, zero-filled when it grows. Up to `inline_capacity` limbs (256
// bits) live inside the object: the ints a program meets just past the small-int range
// (64-bit hashes, products of two large small ints, 10**30) then cost no allocation at all,
// which matters to a VM whose host gave it one fixed buffer and forbids malloc. Beyond that
// the limbs go to operator new, as std::vector's did.
//
// It is a contiguous range (begin() and end() are pointers), so it converts to the
// natural::Magnitude and natural::MagnitudeBuffer spans that natural_arithmetic takes.
class LimbVector {
  public:
    using Limb = natural::Limb;
    static constexpr std::size_t inline_capacity = 8;

    // Asks for limbs whose values are unspecified: an output buffer that natural_arithmetic
    // writes before it reads (its contract), where zero-filling would be wasted work (it was
    // half of pidigits' instructions).
    struct ForOverwrite {};

    LimbVector() = default;
    explicit LimbVector(std::size_t size) { resize(size); }
    LimbVector(std::size_t size, ForOverwrite) {
        reserve(size);
        size_ = size;
    }
    explicit LimbVector(natural::Magnitude limbs) { assign(limbs.data(), limbs.size()); }
    LimbVector(const LimbVector& other) { assign(other.data(), other.size()); }
    LimbVector(LimbVector&& other) noexcept { take(other); }
    LimbVector& operator=(const LimbVector& other) {
        if (this != &other) {
            size_ = 0;
            assign(other.data(), other.size());
        }
        return *this;
    }
    LimbVector& operator=(LimbVector&& other) noexcept {
        if (this != &other) {
            release();
            take(other);
        }
        return *this;
    }
    ~LimbVector() { release(); }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    Limb* data() { return data_; }
    const Limb* data() const { return data_; }
    Limb* begin() { return data_; }
    Limb* end() { return data_ + size_; }
    const Limb* begin() const { return data_; }
    const Limb* end() const { return data_ + size_; }
    Limb& operator[](std::size_t index) { return data_[index]; }
    Limb operator[](std::size_t index) const { return data_[index]; }

    // Shrinking keeps the storage; growing zero-fills the new limbs.
    void resize(std::size_t size) {
        reserve(size);
        if (size > size_) {
            std::fill(data_ + size_, data_ + size, Limb{0});
        }
        size_ = size;
    }
    void push_back(Limb limb) {
        resize(size_ + 1);
        data_[size_ - 1] = limb;
    }

    friend bool operator==(const LimbVector& left, const LimbVector& right) {
        return left.size_ == right.size_ && std::equal(left.begin(), left.end(), right.begin());
    }

  private:
    bool is_inline() const { return data_ == inline_; }
    void reserve(std::size_t size) {
        if (size > capacity_) {
            grow(std::max(size, capacity_ * 2));
        }
    }
    // Moves the limbs to a heap block of `capacity`.
    // Beyond the inline limbs, from the scratch memory of the VM running on this thread (its
    // heap, so a fixed-buffer VM needs no malloc for big integers), or from the C++ heap when
    // no VM runs here or its heap refuses.
    void grow(std::size_t capacity) {
        support::MemorySource* source = support::current_scratch_memory();
        void* block = source != nullptr ? source->allocate(capacity * sizeof(Limb)) : nullptr;
        Limb* storage = block != nullptr ? static_cast<Limb*>(block) : new Limb[capacity];
        std::copy(data_, data_ + size_, storage);
        free_storage();
        data_ = storage;
        capacity_ = capacity;
        source_ = block != nullptr ? source : nullptr;
    }
    void free_storage() {
        if (is_inline()) {
            return;
        }
        if (source_ != nullptr) {
            source_->release(data_, capacity_ * sizeof(Limb));
        } else {
            delete[] data_;
        }
    }
    // Precondition: empty (the old limbs are not kept).
    void assign(const Limb* limbs, std::size_t size) {
        reserve(size);
        std::copy(limbs, limbs + size, data_);
        size_ = size;
    }
    // Takes `other`'s limbs (its heap block, or a copy of its inline ones); leaves it empty.
    void take(LimbVector& other) {
        size_ = other.size_;
        if (other.is_inline()) {
            std::copy(other.inline_, other.inline_ + other.size_, inline_);
        } else {
            data_ = other.data_;
            capacity_ = other.capacity_;
            source_ = other.source_;
            other.data_ = other.inline_;
            other.capacity_ = inline_capacity;
            other.source_ = nullptr;
        }
        other.size_ = 0;
    }
    void release() {
        free_storage();
        data_ = inline_;
        capacity_ = inline_capacity;
        size_ = 0;
        source_ = nullptr;
    }

    Limb inline_[inline_capacity];
    Limb* data_ = inline_;
    std::size_t size_ = 0;
    std::size_t capacity_ = inline_capacity;
    support::MemorySource* source_ = nullptr;  // where data_ came from; null: the C++ heap
};

}  // namespace xipy::number
