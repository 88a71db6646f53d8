// ClassLookupCache: a VM's lookups of names along user classes' MROs, kept until a class changes.
#pragma once

#include <cstddef>
#include <cstdint>

#include "object/object.hpp"

namespace xipy::gc {
class Heap;
}

namespace xipy::object {

class Runtime;

// lookup_in_type() walks the MRO and scans each class's dict and each built-in base's table;
// the native attribute paths (getattr, setattr, instance creation, the lookups the inline
// caches do not cover) make that walk for the same few (class, name) pairs again and again.
// This remembers where each walk ended, as the attribute caches of vm/inline_cache do: the
// dict and entry index when a class dict holds the name (so a value rebound in place is read
// afresh), else the built-in attribute or nothing.
//
// Invariants: an entry is valid while its `epoch` equals the runtime's class epoch (moved by
// any change of a class dict's keys). Entries hold no references: clear() empties the table at
// every collection, before a dead class's address could be reused. The table (128 entries)
// comes from the heap once `lookups_before_table` walks have been made without it (a start-up
// that makes a few objects never pays for it) and counts against its limit; without it
// lookups are simply not remembered.
class ClassLookupCache {
  public:
    ClassLookupCache() = default;
    ClassLookupCache(const ClassLookupCache&) = delete;
    ClassLookupCache& operator=(const ClassLookupCache&) = delete;

    // lookup_in_type(type, name) for a user class `type`, at the class epoch `epoch`.
    ClassLookup find(Runtime& runtime, std::uint32_t epoch, const Type* type, std::uint32_t name) {
        if (entries_ != nullptr) {
            const Entry& entry = entries_[slot_of(type, name)];
            if (entry.type == type && entry.name == name && entry.epoch == epoch) {
                return ClassLookup{entry.value_slot != nullptr ? *entry.value_slot : entry.constant,
                                   entry.owner};
            }
        }
        return fill(runtime, epoch, type, name);
    }
    void clear();
    // Never makes the table (a VM without side tables): every lookup walks the MRO.
    void disable() { unavailable_ = true; }
    // The heap memory the table holds: 0 until first used.
    std::size_t bytes() const { return entries_ != nullptr ? table_bytes : 0; }
    // Gives the table back to `heap` (the runtime's, when it ends).
    void release(gc::Heap& heap);

  private:
    // The value lives in `*value_slot` (an entry of a class dict, which stays where it is until
    // the dict's keys change, and with them the epoch) or, without one, is `constant`.
    struct Entry {
        const Type* type;  // null: empty
        const Value* value_slot;
        const Type* owner;
        Value constant;
        std::uint32_t name;
        std::uint32_t epoch;
    };
    static constexpr std::size_t entry_count = 128;
    static constexpr std::uint32_t lookups_before_table = 64;
    static constexpr std::size_t table_bytes = entry_count * sizeof(Entry);

    static std::size_t slot_of(const Type* type, std::uint32_t name) {
        const auto mix = static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(type) >> 4) ^
                         (name * 0x9E3779B1u);
        return (mix >> 8) % entry_count;
    }
    // The miss: the walk, remembered (and the table made on first use).
    ClassLookup fill(Runtime& runtime, std::uint32_t epoch, const Type* type, std::uint32_t name);

    Entry* entries_ = nullptr;
    bool unavailable_ = false;  // disabled, or the heap refused the table once: stop asking
    std::uint32_t uncached_lookups_ = 0;  // walks made before the table
};

}  // namespace xipy::object
