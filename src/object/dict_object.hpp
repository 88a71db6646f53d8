// dict: an insertion-ordered hash table (also the storage of sets and instance attributes).
#pragma once

#include <cstdint>
#include <optional>

#include "gc/cell.hpp"
#include "object/object.hpp"
#include "object/runtime.hpp"

namespace xipy::object {

extern const Type dict_type;
extern const Type dict_keys_type;
extern const Type dict_values_type;
extern const Type dict_items_type;
extern const Type dict_iterator_type;

// The storage of a DictObject: `entry_capacity` entries in insertion order,
// then `index_capacity` (a power of two) slots of an open-addressing index into the entries
// (-1 empty, -2 deleted). A slot is as wide as the entry numbers need: one byte up to 256
// slots, two up to 65,536, four beyond, so the index of a small dict (an instance's
// attributes, a module's globals) costs a quarter of what 32-bit slots would. The entry keeps
// the low 32 bits of its key's hash: enough to choose a slot and to skip unequal keys.
// Invariants: entries [0, DictObject::entry_count) are in use or deleted
// (a deleted entry has an empty key); all other entries have empty keys and
// values; every used entry is reachable from exactly one index slot; entry_capacity is at
// most half of index_capacity, so every entry number fits its slot width.
struct DictEntry {
    Value key;
    Value value;
    std::uint32_t hash;
};
struct alignas(8) DictStorage : gc::Cell {
    std::uint32_t entry_capacity;
    std::uint32_t index_capacity;

    DictStorage(std::uint32_t entries, std::uint32_t indices);
    // The bytes of a storage's entries and index (the cell's payload).
    static std::size_t payload_bytes(std::uint32_t entries, std::uint32_t indices) {
        return entries * sizeof(DictEntry) + indices * slot_width(indices);
    }
    DictEntry* entries() { return reinterpret_cast<DictEntry*>(this + 1); }
    std::int32_t index_at(std::uint32_t slot) const {
        const void* index = const_cast<DictStorage*>(this)->entries() + entry_capacity;
        if (index_capacity <= byte_slots_up_to) {
            return static_cast<const std::int8_t*>(index)[slot];
        }
        if (index_capacity <= short_slots_up_to) {
            return static_cast<const std::int16_t*>(index)[slot];
        }
        return static_cast<const std::int32_t*>(index)[slot];
    }
    void set_index(std::uint32_t slot, std::int32_t value) {
        void* index = entries() + entry_capacity;
        if (index_capacity <= byte_slots_up_to) {
            static_cast<std::int8_t*>(index)[slot] = static_cast<std::int8_t>(value);
        } else if (index_capacity <= short_slots_up_to) {
            static_cast<std::int16_t*>(index)[slot] = static_cast<std::int16_t>(value);
        } else {
            static_cast<std::int32_t*>(index)[slot] = value;
        }
    }

  private:
    static constexpr std::uint32_t byte_slots_up_to = 256;
    static constexpr std::uint32_t short_slots_up_to = 65536;
    static std::size_t slot_width(std::uint32_t indices) {
        return indices <= byte_slots_up_to ? 1 : indices <= short_slots_up_to ? 2 : 4;
    }
};

// Invariants: `count` live entries among the first `entry_count`; storage
// is null only while entry_count == 0. `version` changes on every insertion
// or deletion, so iterators can detect a dict that changed size. A `fixed` dict (a module's
// constant table such as errno.errorcode) refuses every change from Python with TypeError.
// An `unhashed` dict (OrderedDict, which MicroPython keeps as an array searched in order)
// finds keys by equality alone, so its keys need not be hashable: every entry carries hash 0
// and all share one probe chain. While `names_only`, every key it took was an interned str,
// so a name missing by identity is missing by equality too (dict_store_name's fast insert).
// A dict `of_class` (a user class's) moves the runtime's class epoch with its version.
struct DictObject : Object {
    std::uint32_t count = 0;
    std::uint32_t entry_count = 0;
    std::uint32_t version = 0;
    bool fixed = false;
    bool unhashed = false;
    bool names_only = true;
    bool of_class = false;
    DictStorage* storage = nullptr;

    explicit DictObject(const Type* type) : Object(type) {}
};

// dict exactly
inline bool is_dict(Value value) {
    return value.is_object() && value.as_object()->type() == &dict_type;
}
inline DictObject* as_dict(Value value) { return static_cast<DictObject*>(value.as_object()); }
Result<Value> make_dict(Runtime& runtime);
// An empty dict with room for `entries` keys (none made for 0).
Result<Value> make_dict_with_room(Runtime& runtime, std::uint32_t entries);
// A copy of `dict` that refuses every change (an instance's __dict__, as the reference gives it).
Result<Value> make_fixed_copy(Runtime& runtime, Value dict);

// Lookups compare keys with Python equality, which may run Python code and
// raise: `found` is empty when the key is absent, and `ok` false when it raised.
struct DictLookup {
    bool ok = true;
    Value value;
};
DictLookup dict_find(Runtime& runtime, DictObject* dict, Value key);
Status dict_store(Runtime& runtime, DictObject* dict, Value key, Value value);
// Removes the key; the removed value (empty if absent) in `removed`.
Status dict_remove(Runtime& runtime, DictObject* dict, Value key, Value* removed);
// Raises KeyError(key); returns empty.
Raised raise_key_error(Runtime& runtime, Value key);
void dict_clear(Runtime& runtime, DictObject* dict);

// Storage shared by the dicts of many VMs, for a namespace that every VM fills the same way
// (the builtins): a copy of `dict`'s storage outside any heap, marked static so that no
// collector touches it. A dict over it reads it in place and copies it to its own heap before
// its first change (copy on write). Null when the dict holds an object of its VM's heap (it
// would mean nothing elsewhere) or deleted entries, or when memory runs out. The copy lives
// until release_shared_dict_storage().
const DictStorage* share_dict_storage(const DictObject* dict);
void release_shared_dict_storage(const DictStorage* storage);
// Points an empty `dict` at shared storage from share_dict_storage().
void dict_use_shared_storage(DictObject* dict, const DictStorage* storage);
// Fast paths for dicts keyed by interned names (globals, attributes, class
// dicts): no Python code can run, so these cannot fail except for MemoryError.
// Without a runtime: a linear scan, for the small dicts of classes and instances (inline:
// every attribute load of an instance makes one).
inline Value dict_find_name(DictObject* dict, std::uint32_t name) {
    DictStorage* storage = dict->storage;
    if (storage == nullptr) {
        return Value::empty();
    }
    // Interned names hash by their text, stored in the entry; a name key is
    // found by identity, since an equal str key that is not interned cannot
    // be told apart without the runtime. Stores of names always intern.
    const Value key = Value::from_interned_string(name);
    const DictEntry* entries = storage->entries();
    for (std::uint32_t index = 0; index < dict->entry_count; ++index) {
        if (entries[index].key == key) {
            return entries[index].value;
        }
    }
    return Value::empty();
}
// Hashed, for globals and other large dicts (a small dict of names only is scanned).
Value dict_find_name(const Runtime& runtime, DictObject* dict, std::uint32_t name);
Status dict_store_name(Runtime& runtime, DictObject* dict, std::uint32_t name, Value value);
// Up to this many entries, dict_store_name looks for a name it rebinds by a linear scan
// before hashing: fewer instructions than a hash and probe for the few attributes of an
// instance.
inline constexpr std::uint32_t small_dict_scan_limit = 8;
// Iterates live entries: start with position 0; returns false at the end.
bool dict_next(DictObject* dict, std::uint32_t& position, DictEntry*& entry);
// dict.update semantics from a mapping or an iterable of pairs.
Status dict_update(Runtime& runtime, Value dict, Value source);

// The trace function shared by dicts, sets and instance dicts.
void trace_dict_storage(DictObject* dict, gc::Tracer& tracer);

}  // namespace xipy::object
