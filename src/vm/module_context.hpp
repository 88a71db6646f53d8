// ModuleContext: what one VM keeps about one loaded image (names, constants, globals).
#pragma once

#include <cstdint>
#include <memory>
#include <new>
#include <vector>

#include "image/image.hpp"
#include "object/value.hpp"
#include "support/memory_source.hpp"
#include "vm/inline_cache.hpp"

namespace xipy::vm {

// The per-VM side table of an image: the image itself stays read-only and
// may be shared by many VMs, so everything mutable about it lives here.
//
// Invariants: `qstr_ids[i]` is this VM's interned id of image.qstr(i);
// `constants` has one slot per image constant, empty until LOAD_CONST_OBJ
// first needs it (load_constant(), vm/slow_paths.cpp); `globals` is the module's dict. The context
// outlives every function made from the image (the Interpreter owns it until the VM is destroyed).
// `name_caches` gives one inline cache per qstr index (see vm/inline_cache.hpp), made on first use.
// Bit i of `verified_codes` is set once image.raw_codes()[i] has passed the verifier: the outer
// code's when the image is loaded, a function's the first time one of its function objects is
// called (Interpreter::verify_function()), so code never reached costs no verification.
// The context and its tables live in memory from the VM's heap (HeapMemory), so they count against
// its limit; make_module_context() builds one.
struct ModuleContext {
    image::Image image;
    support::FixedTable<std::uint32_t> qstr_ids;
    NameCacheTable name_caches;
    support::FixedTable<object::Value> constants;
    support::FixedTable<std::uint32_t> verified_codes;
    object::Value globals;
    std::uint32_t source_file = 0;  // interned id of the file name for tracebacks
    // What keeps the image's bytes alive when it came from a mapped file or a heap object
    // (vm/module_source.hpp); both empty for bytes the host keeps alive itself.
    std::shared_ptr<const void> keep_alive;
    object::Value owner;
    // Code from exec/eval that the VM may release once it has run (release_code()): its names
    // and str constants are interned as copies, so nothing outlives it that points into it.
    bool transient = false;
    // The next context of the interpreter's ContextList (the one loaded after this).
    ModuleContext* next_context = nullptr;

    explicit ModuleContext(image::Image loaded) : image(std::move(loaded)) {}

    // The index of `code` (which lies in image.raw_codes()) in that table.
    std::size_t code_index(const image::RawCode& code) const {
        return static_cast<std::size_t>(&code - image.raw_codes().data());
    }
    bool is_verified(const image::RawCode& code) const {
        const std::size_t index = code_index(code);
        return ((verified_codes[index / 32] >> (index % 32)) & 1u) != 0;
    }
    void mark_verified(const image::RawCode& code) {
        const std::size_t index = code_index(code);
        verified_codes[index / 32] |= std::uint32_t{1} << (index % 32);
    }
};

// Gives a context's own memory back to the source it came from.
class ModuleContextDeleter {
  public:
    explicit ModuleContextDeleter(support::MemorySource* source = nullptr) : source_(source) {}
    void operator()(ModuleContext* context) const {
        context->~ModuleContext();
        source_->release(context, sizeof(ModuleContext));
    }

  private:
    support::MemorySource* source_;
};

using OwnedModuleContext = std::unique_ptr<ModuleContext, ModuleContextDeleter>;

// A context for `image` with empty tables, in `source`'s memory; null when it refuses.
inline OwnedModuleContext make_module_context(support::MemorySource& source, image::Image image) {
    void* memory = source.allocate(sizeof(ModuleContext));
    if (memory == nullptr) {
        return OwnedModuleContext(nullptr, ModuleContextDeleter(&source));
    }
    return OwnedModuleContext(new (memory) ModuleContext(std::move(image)),
                              ModuleContextDeleter(&source));
}

// The contexts an interpreter owns, in load order, linked through ModuleContext::next_context:
// registering one asks for no memory beyond the context itself (a vector's growth would come
// from the C library, which fixed-buffer VMs must not call). All come from one source.
class ContextList {
  public:
    ContextList() = default;
    ContextList(const ContextList&) = delete;
    ContextList& operator=(const ContextList&) = delete;
    ~ContextList() {
        while (first_ != nullptr) {
            ModuleContext* next = first_->next_context;
            deleter_(first_);
            first_ = next;
        }
    }

    void append(OwnedModuleContext owned) {
        deleter_ = owned.get_deleter();
        ModuleContext* context = owned.release();
        context->next_context = nullptr;
        if (last_ == nullptr) {
            first_ = context;
        } else {
            last_->next_context = context;
        }
        last_ = context;
    }
    // Destroys `context` when the list holds it.
    void remove(ModuleContext* context) {
        ModuleContext* previous = nullptr;
        for (ModuleContext* each = first_; each != nullptr; each = each->next_context) {
            if (each != context) {
                previous = each;
                continue;
            }
            (previous == nullptr ? first_ : previous->next_context) = each->next_context;
            if (last_ == each) {
                last_ = previous;
            }
            deleter_(each);
            return;
        }
    }

    class Iterator {
      public:
        explicit Iterator(ModuleContext* context) : context_(context) {}
        ModuleContext* operator*() const { return context_; }
        Iterator& operator++() {
            context_ = context_->next_context;
            return *this;
        }
        bool operator==(const Iterator& other) const = default;

      private:
        ModuleContext* context_;
    };
    Iterator begin() const { return Iterator(first_); }
    Iterator end() const { return Iterator(nullptr); }

  private:
    ModuleContext* first_ = nullptr;
    ModuleContext* last_ = nullptr;
    ModuleContextDeleter deleter_;
};

}  // namespace xipy::vm
