// Inline caches for global and attribute lookups, kept in side tables beside the read-only code.
#pragma once

#include <cstdint>
#include <new>
#include <span>
#include <type_traits>

#include "gc/heap.hpp"
#include "object/dict_object.hpp"
#include "object/object.hpp"
#include "object/operations.hpp"
#include "object/runtime.hpp"
#include "support/memory_source.hpp"

namespace xipy::vm {

// The bytecode may sit in flash, so caches cannot be written into it. Each
// module context owns one NameCache per qstr index of its image: every
// LOAD_GLOBAL/LOAD_NAME/LOAD_ATTR/LOAD_METHOD naming that qstr shares it (a
// per-name, per-module slot needs no map from bytecode offset to slot).
//
// Both caches remember WHERE a value lives (a dict and an entry index), not
// the value, and are keyed by dict versions: a DictObject's version changes
// on every insertion and deletion (and only then do its entries move), while
// storing a new value under an existing key keeps the version and updates
// the entry in place, where the cache reads it.

// Invariants: valid when `globals` is the dict being searched and its version
// is `globals_version`; then the name is at `entry_index` of `found_in`, which
// is `globals`, or else the builtins dict whose version is `builtins_version`
// (the name was absent from `globals`). Both dicts live as long as the VM.
struct GlobalCache {
    object::DictObject* globals = nullptr;  // null: nothing cached yet
    object::DictObject* found_in = nullptr;
    std::uint32_t globals_version = 0;
    std::uint32_t builtins_version = 0;
    std::uint32_t entry_index = 0;
};

// Invariants: valid for instances of the user class `type` while the runtime's
// class epoch (Runtime::class_epoch(), moved by any change of the keys of any
// user class's dict) equals `epoch`; then the
// class lookup of the name is entry `entry_index` of `owner_dict` (a class
// dict), or, when `owner_dict` is null, `constant` (an attribute of a
// built-in type, or empty for "absent"). `type` is marked by the collector so
// its address cannot be reused by another class while cached.
struct AttributeCache {
    const object::Type* type = nullptr;  // null: nothing cached yet
    std::uint32_t epoch = 0;
    object::DictObject* owner_dict = nullptr;
    std::uint32_t entry_index = 0;
    // Where the last instance read or written through this cache held the name in its own
    // dict: only a hint, checked against the entry's key on use, so that the instances of a
    // class, which usually get their attributes in the same order, need no hashed lookup.
    // (It fills what was padding: the cache stays 48 bytes on 64-bit hosts.)
    std::uint32_t instance_entry = 0;
    object::Value constant;
    const object::Type* owner = nullptr;
};

struct NameCache {
    GlobalCache global;
    AttributeCache attribute;
    AttributeCache setattr_hook;  // STORE_ATTR's lookup of __setattr__ on the same class
};

// LOAD_GLOBAL (and LOAD_NAME outside class bodies): `name` in `globals`, then
// in `builtins`. Empty when absent from both (nothing raised).
// The hit test is inline because LOAD_GLOBAL is among the commonest opcodes.
object::Value fill_global_cache(const object::Runtime& runtime, NameCache& cache,
                                object::DictObject* globals, object::DictObject* builtins,
                                std::uint32_t name);
// STORE_GLOBAL (and STORE_NAME) rebinding a name that LOAD_GLOBAL's cache found in `dict`
// itself: stored in place, as dict_store_name would, and true; false when the cache does not
// say where the name is (the caller stores it the general way), and for storage shared
// read-only between VMs (the builtins table before its copy), which only the general way
// copies first, as dict_store_name's own in-place path requires.
inline bool cached_store_global(const NameCache* cache, object::DictObject* dict,
                                object::Value value) {
    if (cache == nullptr) {
        return false;
    }
    const GlobalCache& slot = cache->global;
    if (slot.globals != dict || slot.found_in != dict || dict->version != slot.globals_version ||
        dict->storage->is_static()) {
        return false;
    }
    dict->storage->entries()[slot.entry_index].value = value;
    return true;
}
inline object::Value cached_load_global(const object::Runtime& runtime, NameCache& cache,
                                        object::DictObject* globals, object::DictObject* builtins,
                                        std::uint32_t name) {
    const GlobalCache& slot = cache.global;
    if (slot.globals == globals && globals->version == slot.globals_version &&
        (slot.found_in == globals ||
         (slot.found_in == builtins && builtins->version == slot.builtins_version))) {
        return slot.found_in->storage->entries()[slot.entry_index].value;
    }
    return fill_global_cache(runtime, cache, globals, builtins, name);
}

// LOAD_METHOD and LOAD_ATTR with object::load_method / object::load_attribute
// semantics; only instances of user classes use the cache.
object::Status cached_load_method(object::Runtime& runtime, NameCache& cache, object::Value object,
                                  std::uint32_t name, object::Method& method);
object::Result<object::Value> cached_load_attribute(object::Runtime& runtime, NameCache& cache,
                                                    object::Value object, std::uint32_t name);

// STORE_ATTR with object::store_attribute semantics (an empty `value` deletes).
object::Status cached_store_attribute(object::Runtime& runtime, NameCache& cache,
                                      object::Value object, std::uint32_t name,
                                      object::Value value);

// Marks the classes the caches refer to.
void trace_name_caches(std::span<const NameCache> caches, gc::Tracer& tracer);

// Room for one NameCache, made only when asked for: the loop keeps one per run() call for
// NameCacheTable::find(), and a generator enters run() on every resume, so declaring it must
// cost nothing (a NameCache or a std::optional of one would be zeroed each time).
class SpareNameCache {
  public:
    SpareNameCache() {}  // the room stays uninitialized until make()
    SpareNameCache(const SpareNameCache&) = delete;
    SpareNameCache& operator=(const SpareNameCache&) = delete;

    // An empty cache in the room, replacing what make() made before.
    NameCache& make() { return *new (room_) NameCache{}; }

  private:
    static_assert(std::is_trivially_destructible_v<NameCache>, "replaced without destruction");
    alignas(NameCache) unsigned char room_[sizeof(NameCache)];
};

// A module's NameCaches, one per qstr index, each made when instructions naming that qstr look
// it up the second time: most of a module's names are never looked up through a cache
// (argument names, names only stored) or only once (by the module body), so a slot number per
// qstr and small blocks of caches cost far less than a cache per qstr up front.
//
// Invariants: `slots_` holds `slot_count_` numbers, 0 for "never looked up", `seen_once`, or
// n for cache n-1 (null for a table that caches nothing);
// cache n-1 is entry (n-1) % block_size of block (n-1) / block_size; blocks never move once
// made (an instruction may hold a cache while Python code it calls makes others); the block
// table holds `block_capacity_` pointers, the first `block_count_` set. All memory comes from
// `source_`.
class NameCacheTable {
  public:
    NameCacheTable() = default;
    NameCacheTable(const NameCacheTable&) = delete;
    NameCacheTable& operator=(const NameCacheTable&) = delete;
    ~NameCacheTable();

    // Room for the slot numbers of `qstr_count` names; false when the source refuses. Without
    // `caching` (a VM without side tables) it takes nothing, and find() makes no cache.
    [[nodiscard]] bool reserve(support::MemorySource& source, std::size_t qstr_count,
                               bool caching = true);

    // The memory the table holds (slots, block table and blocks), and the caches made.
    std::size_t bytes() const {
        return slot_count_ * sizeof(Slot) + block_capacity_ * sizeof(Block*) +
               block_count_ * sizeof(Block);
    }
    std::size_t cache_count() const { return cache_count_; }

    // The cache of qstr index `index` (< the reserved count), made on its second use: the
    // first lookup of a name runs uncached, in an empty cache made in `spare`, and only marks
    // the name as seen. Module and class bodies run once, so the names only they look up
    // (most of an import's) cost no cache. Also in `spare` when the heap refuses the memory
    // (full, or locked by micropython.heap_lock()), so the lookup still works, uncached.
    NameCache& find(std::uint32_t index, SpareNameCache& spare) {
        if (slots_ == nullptr) [[unlikely]] {
            return spare.make();  // a table reserved without caching
        }
        const std::uint32_t slot = slots_[index];
        if (slot - 1u < maximum_caches) {
            return blocks_[(slot - 1) / block_size]->caches[(slot - 1) % block_size];
        }
        if (slot == 0) {
            slots_[index] = seen_once;
            return spare.make();
        }
        NameCache* made = make(index);
        if (made == nullptr) {
            return spare.make();
        }
        return *made;
    }

    // The cache of qstr index `index` if an instruction made it, else null (nothing made).
    NameCache* find_existing(std::uint32_t index) {
        if (slots_ == nullptr) [[unlikely]] {
            return nullptr;
        }
        const std::uint32_t slot = slots_[index];
        return slot - 1u >= maximum_caches
                   ? nullptr
                   : &blocks_[(slot - 1) / block_size]->caches[(slot - 1) % block_size];
    }

    void trace(gc::Tracer& tracer) const;

  private:
    static constexpr std::uint32_t block_size = 4;
    // A qstr's cache number + 1, 0 for a name not looked up yet, `seen_once` for one looked up
    // once: 16 bits, so a module pays 2 bytes per name.
    using Slot = std::uint16_t;
    static constexpr Slot seen_once = UINT16_MAX;
    static constexpr std::uint32_t maximum_caches = seen_once - 1;
    struct Block {
        NameCache caches[block_size];
    };

    NameCache* make(std::uint32_t index);

    support::MemorySource* source_ = nullptr;
    Slot* slots_ = nullptr;
    Block** blocks_ = nullptr;
    std::uint32_t slot_count_ = 0;  // an image's qstr count, which is below 2^32
    std::uint32_t cache_count_ = 0;
    std::uint32_t block_count_ = 0;
    std::uint32_t block_capacity_ = 0;
};

}  // namespace xipy::vm
