// ClassLookupCache: remembered MRO lookups of user classes, checked against the class epoch.
#include "object/class_lookup_cache.hpp"

#include <cstring>

#include "object/dict_object.hpp"
#include "object/operations.hpp"
#include "object/runtime.hpp"

namespace xipy::object {

namespace {

// Where `name` holds `value` in `dict`, found by identity as lookup_in_type's scan finds it.
const Value* slot_in(const DictObject* dict, Value value, std::uint32_t name) {
    const Value key = Value::from_interned_string(name);
    const DictEntry* entries = dict->storage->entries();
    for (std::uint32_t position = 0; position < dict->entry_count; ++position) {
        if (entries[position].key == key && entries[position].value == value) {
            return &entries[position].value;
        }
    }
    return nullptr;
}

}  // namespace

ClassLookup ClassLookupCache::fill(Runtime& runtime, std::uint32_t epoch, const Type* type,
                                   std::uint32_t name) {
    const ClassLookup found = lookup_in_type(type, name);
    if (entries_ == nullptr) {
        if (unavailable_ || ++uncached_lookups_ < lookups_before_table) {
            return found;
        }
        entries_ = static_cast<Entry*>(runtime.heap().allocate_untyped(table_bytes));
        if (entries_ == nullptr) {
            unavailable_ = true;
            return found;
        }
        clear();
    }
    Entry& entry = entries_[slot_of(type, name)];
    entry = Entry{type, nullptr, found.owner, found.value, name, epoch};
    if (found.owner != nullptr && found.owner->is_user_class()) {
        // Kept as a place in the class dict; a name stored there under a str that is not
        // interned has no such place, and is not remembered.
        entry.value_slot = slot_in(as_dict(found.owner->dict), found.value, name);
        if (entry.value_slot == nullptr) {
            entry.type = nullptr;
        }
        entry.constant = Value::empty();
    }
    return found;
}

void ClassLookupCache::clear() {
    if (entries_ != nullptr) {
        std::memset(static_cast<void*>(entries_), 0, table_bytes);
    }
}

void ClassLookupCache::release(gc::Heap& heap) {
    if (entries_ != nullptr) {
        heap.release_untyped(entries_, table_bytes);
        entries_ = nullptr;
    }
}

}  // namespace xipy::object
