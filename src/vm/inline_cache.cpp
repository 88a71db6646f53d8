// Inline caches for global and attribute lookups: fill on a miss, validate by dict versions.
#include "vm/inline_cache.hpp"

#include <cstring>
#include <new>

#include "object/class_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/tuple_object.hpp"
#include "vm/function_object.hpp"

namespace xipy::vm {

using object::ClassLookup;
using object::DictObject;
using object::Type;
using object::Value;

namespace {

// Where the interned `name` sits in `dict`, by identity, as dict_find_name's
// linear scan finds it; false when absent or stored under a non-interned str.
bool find_entry(const DictObject* dict, std::uint32_t name, std::uint32_t& entry_index) {
    if (dict->storage == nullptr) {
        return false;
    }
    const Value key = Value::from_interned_string(name);
    const object::DictEntry* entries = dict->storage->entries();
    for (std::uint32_t index = 0; index < dict->entry_count; ++index) {
        if (entries[index].key == key) {
            entry_index = index;
            return true;
        }
    }
    return false;
}

Value entry_value(const DictObject* dict, std::uint32_t entry_index) {
    return dict->storage->entries()[entry_index].value;
}

// lookup_in_type() for a user class, remembering where the result lives. Out of line: the
// hit test that calls it is inlined into every cached access.
[[gnu::noinline]] void fill_attribute_cache(AttributeCache& cache, const Type* type,
                                            std::uint32_t name, std::uint32_t epoch) {
    cache = AttributeCache{};
    for (Value entry : object::as_tuple(type->mro)->span()) {
        const Type* candidate = object::as_type(entry);
        if (candidate->is_user_class()) {
            DictObject* dict = object::as_dict(candidate->dict);
            std::uint32_t entry_index = 0;
            if (find_entry(dict, name, entry_index)) {
                cache.owner_dict = dict;
                cache.entry_index = entry_index;
                cache.owner = candidate;
                break;
            }
        } else {
            bool found = false;
            for (const object::Attribute& attribute : candidate->attributes) {
                if (attribute.name == name) {
                    cache.constant = Value::from_object(attribute.object);
                    cache.owner = candidate;
                    found = true;
                    break;
                }
            }
            if (found) {
                break;
            }
        }
    }
    cache.type = type;
    cache.epoch = epoch;
}

[[gnu::always_inline]] inline ClassLookup cached_class_lookup(AttributeCache& cache,
                                                              const Type* type, std::uint32_t name,
                                                              std::uint32_t epoch) {
    if (cache.type != type || cache.epoch != epoch) [[unlikely]] {
        fill_attribute_cache(cache, type, name, epoch);
    }
    if (cache.owner_dict != nullptr) {
        return ClassLookup{entry_value(cache.owner_dict, cache.entry_index), cache.owner};
    }
    return ClassLookup{cache.constant, cache.owner};
}

[[gnu::always_inline]] inline ClassLookup cached_class_lookup(const object::Runtime& runtime,
                                                              AttributeCache& cache,
                                                              const Type* type,
                                                              std::uint32_t name) {
    return cached_class_lookup(cache, type, name, runtime.class_epoch());
}

// object::type_of() with the case of every cached access, a heap object, inline.
[[gnu::always_inline]] inline const Type* type_of_value(Value value) {
    return value.is_object() ? value.as_object()->type() : object::type_of(value);
}

// The most entries an instance dict is scanned through for an attribute missing from the
// cache's hint; larger dicts take the hashed lookup.
constexpr std::uint32_t instance_scan_limit = 16;

// The value slot of the interned `name` in the own dict of `object` (an instance of a user
// class), found at the cache's hint or by a short scan that moves the hint; null when the
// dict has no such entry (or is too large to scan), for the general path to decide.
[[gnu::always_inline]] inline Value* instance_entry(AttributeCache& cache, Value object,
                                                    std::uint32_t name) {
    const Value dict_value = static_cast<object::InstanceObject*>(object.as_object())->dict;
    if (dict_value.is_empty()) {
        return nullptr;
    }
    auto* dict = static_cast<DictObject*>(dict_value.as_object());
    const Value key = Value::from_interned_string(name);
    if (cache.instance_entry >= dict->entry_count ||
        dict->storage->entries()[cache.instance_entry].key != key) {
        if (dict->entry_count > instance_scan_limit ||
            !find_entry(dict, name, cache.instance_entry)) {
            return nullptr;
        }
    }
    return &dict->storage->entries()[cache.instance_entry].value;
}

// LOAD_METHOD on a value of a built-in type. A type without a load_attribute slot finds its
// methods in its constant attribute tables only, so where the name led once it leads for good:
// the cache keeps the method (as `constant`, for that `type`) and the lookup is one compare.
// Everything else (types with the slot, attributes that are not methods) takes load_method.
object::Status cached_builtin_method(object::Runtime& runtime, AttributeCache& cache, Value object,
                                     const Type* type, std::uint32_t name, object::Method& method) {
    if (cache.type == type && cache.owner_dict == nullptr && !cache.constant.is_empty()) {
        method = object::Method{cache.constant, object};
        return object::succeeded();
    }
    if (type->slots.load_attribute == nullptr) {
        const ClassLookup found = object::lookup_in_type(type, name);
        if (!found.value.is_empty() && object::is_method_descriptor(found.value)) {
            cache = AttributeCache{};
            cache.type = type;
            cache.constant = found.value;
            cache.owner = found.owner;
            method = object::Method{found.value, object};
            return object::succeeded();
        }
    }
    return object::load_method(runtime, object, name, method);
}

}  // namespace

object::Value fill_global_cache(const object::Runtime& runtime, NameCache& cache,
                                DictObject* globals, DictObject* builtins, std::uint32_t name) {
    GlobalCache& slot = cache.global;
    slot = GlobalCache{};
    Value value = object::dict_find_name(runtime, globals, name);
    DictObject* found_in = globals;
    if (value.is_empty()) {
        value = object::dict_find_name(runtime, builtins, name);
        found_in = builtins;
    }
    std::uint32_t entry_index = 0;
    // Absent names are not cached (they raise NameError), nor names stored
    // under a str that is not interned (found only by the hashed lookup).
    if (!value.is_empty() && find_entry(found_in, name, entry_index)) {
        slot = GlobalCache{globals, found_in, globals->version, builtins->version, entry_index};
    }
    return value;
}

object::Status cached_load_method(object::Runtime& runtime, NameCache& cache, Value object,
                                  std::uint32_t name, object::Method& method) {
    const Type* type = type_of_value(object);
    if (!type->is_user_class()) {
        return cached_builtin_method(runtime, cache.attribute, object, type, name, method);
    }
    method = object::Method{};
    const ClassLookup found = cached_class_lookup(runtime, cache.attribute, type, name);
    if (is_function(found.value) && found.owner->is_user_class()) {
        // A Python function on the class, the usual method: bound to the instance unless its
        // own dict has the name (searched by identity, as the general path searches it).
        const Value dict = static_cast<object::InstanceObject*>(object.as_object())->dict;
        if (dict.is_empty() ||
            object::dict_find_name(static_cast<DictObject*>(dict.as_object()), name).is_empty()) {
            method.function = found.value;
            method.self = object;
            return object::succeeded();
        }
    }
    if (!object::instance_load_method_found(runtime, object, name, found, method)) {
        return object::Raised{};
    }
    if (method.function.is_empty()) {
        object::raise_no_attribute(runtime, object, name);
        return object::Raised{};
    }
    return object::succeeded();
}

object::Result<Value> cached_load_attribute(object::Runtime& runtime, NameCache& cache,
                                            Value object, std::uint32_t name) {
    const Type* type = type_of_value(object);
    if (!type->is_user_class()) {
        return object::load_attribute(runtime, object, name);
    }
    object::Method method;
    const ClassLookup found = cached_class_lookup(runtime, cache.attribute, type, name);
    if (found.value.is_empty()) {
        // Nothing on the class (so no descriptor) and the name in the instance's own dict: the
        // general path would return that entry's value too.
        if (const Value* slot = instance_entry(cache.attribute, object, name)) {
            return *slot;
        }
    }
    if (!object::instance_load_method_found(runtime, object, name, found, method)) {
        return Value::empty();
    }
    if (method.function.is_empty()) {
        return object::raise_no_attribute(runtime, object, name);
    }
    if (method.self.is_empty()) {
        return method.function;
    }
    return object::make_bound_method(runtime, method.function, method.self);
}

object::Status cached_store_attribute(object::Runtime& runtime, NameCache& cache, Value object,
                                      std::uint32_t name, Value value) {
    const Type* type = type_of_value(object);
    if (!type->is_user_class() || value.is_empty()) {
        return object::store_attribute(runtime, object, name, value);
    }
    const std::uint32_t epoch = runtime.class_epoch();
    const ClassLookup hook =
        cached_class_lookup(cache.setattr_hook, type, object::names::dunder_setattr, epoch);
    const ClassLookup found = cached_class_lookup(cache.attribute, type, name, epoch);
    if (found.value.is_empty() && (hook.value.is_empty() || !hook.owner->is_user_class())) {
        // No __setattr__ of the program's, nothing on the class, and the name already in the
        // instance's own dict: the general path would overwrite that entry in place too.
        if (Value* slot = instance_entry(cache.attribute, object, name)) {
            *slot = value;
            return object::succeeded();
        }
    }
    return object::instance_store_attribute_found(runtime, object, name, value, hook, found);
}

void trace_name_caches(std::span<const NameCache> caches, gc::Tracer& tracer) {
    for (const NameCache& cache : caches) {
        for (const AttributeCache* attribute : {&cache.attribute, &cache.setattr_hook}) {
            if (attribute->type != nullptr) {
                tracer.mark(const_cast<Type*>(attribute->type));
            }
        }
    }
}

NameCacheTable::~NameCacheTable() {
    if (source_ == nullptr) {
        return;
    }
    for (std::size_t index = 0; index < block_count_; ++index) {
        source_->release(blocks_[index], sizeof(Block));
    }
    if (blocks_ != nullptr) {
        source_->release(blocks_, block_capacity_ * sizeof(Block*));
    }
    if (slots_ != nullptr) {
        source_->release(slots_, slot_count_ * sizeof(Slot));
    }
}

bool NameCacheTable::reserve(support::MemorySource& source, std::size_t qstr_count, bool caching) {
    source_ = &source;
    if (qstr_count == 0 || !caching) {
        return true;
    }
    if (qstr_count > UINT32_MAX) {
        return false;
    }
    slots_ = static_cast<Slot*>(source.allocate(qstr_count * sizeof(Slot)));
    if (slots_ == nullptr) {
        return false;
    }
    std::memset(slots_, 0, qstr_count * sizeof(Slot));
    slot_count_ = static_cast<std::uint32_t>(qstr_count);
    return true;
}

NameCache* NameCacheTable::make(std::uint32_t index) {
    if (cache_count_ == maximum_caches) {
        return nullptr;  // the names beyond run uncached, as when the heap is full
    }
    if (cache_count_ % block_size == 0) {
        if (block_count_ == block_capacity_) {
            // The table of block pointers may move; the blocks it points to do not.
            const std::uint32_t capacity = block_capacity_ == 0 ? 2 : block_capacity_ * 2;
            auto* grown = static_cast<Block**>(source_->allocate(capacity * sizeof(Block*)));
            if (grown == nullptr) {
                return nullptr;
            }
            if (blocks_ != nullptr) {
                std::memcpy(grown, blocks_, block_count_ * sizeof(Block*));
                source_->release(blocks_, block_capacity_ * sizeof(Block*));
            }
            blocks_ = grown;
            block_capacity_ = capacity;
        }
        void* memory = source_->allocate(sizeof(Block));
        if (memory == nullptr) {
            return nullptr;
        }
        blocks_[block_count_++] = new (memory) Block{};
    }
    NameCache* cache = &blocks_[cache_count_ / block_size]->caches[cache_count_ % block_size];
    slots_[index] = static_cast<Slot>(++cache_count_);
    return cache;
}

void NameCacheTable::trace(gc::Tracer& tracer) const {
    for (std::size_t index = 0; index < block_count_; ++index) {
        const std::uint32_t used =
            index + 1 < block_count_ ? block_size : cache_count_ - index * block_size;
        trace_name_caches(std::span<const NameCache>(blocks_[index]->caches, used), tracer);
    }
}

}  // namespace xipy::vm
