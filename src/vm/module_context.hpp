// ModuleContext: what one VM keeps about one loaded image (names, constants, globals).
#pragma once

#include <cstdint>
#include <memory>
#include <new>
#include <vector>

#include "image/image.hpp"
#include "object/intern_table.hpp"
#include "object/value.hpp"
#include "support/memory_source.hpp"
#include "vm/inline_cache.hpp"

namespace xipy::vm {

// The per-VM side table of an image: the image itself stays read-only and
// may be shared by many VMs, so everything mutable about it lives here.
//
// Invariants: `qstr_ids[i]` is this VM's interned id of image.qstr(i), or 0 until qstr_id(i)
// first needs it (a static qstr's id is there from the start). Every qstr operand of a
// verified code is interned (intern_operand_names(), when the outer code loads and when a
// function's code is first verified), so the interpreter, which runs only verified code, reads
// qstr_ids directly;
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
    // Read through qstr_id(), which interns on first use: a name the program never reaches (the
    // argument names of functions called only positionally, the attributes of functions never
    // called) costs the VM's intern table nothing.
    support::FixedTable<std::uint32_t> qstr_ids;
    object::InternTable* names = nullptr;
    // The first id the intern table handed out after this image loaded (for dir()'s order).
    std::uint32_t first_id_after_load = 0;
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

    // This VM's interned id of image.qstr(index). Precondition: index < image.qstr_count().
    std::uint32_t qstr_id(std::size_t index) {
        const std::uint32_t id = qstr_ids[index];
        return id != 0 ? id : intern_qstr(index);
    }
    // Interns the names that `code`'s instructions name. Precondition: `code` passed the
    // verifier, so every instruction decodes and every qstr operand is in range.
    void intern_operand_names(const image::RawCode& code);
    // Interns image.qstr(index) (a copy when the code is transient) and remembers its id.
    [[gnu::noinline]] std::uint32_t intern_qstr(std::size_t index) {
        const std::string_view text = image.qstr(index);
        const std::uint32_t id =
            transient ? names->intern_copy(text) : names->intern_in_place(text);
        qstr_ids[index] = id;
        return id;
    }

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
