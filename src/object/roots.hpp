// Root, LoopRoots and RootScope: how native code keeps values alive, in bounded space.
#pragma once

#include <cassert>
#include <cstddef>

#include "object/runtime.hpp"
#include "object/value.hpp"

namespace xipy::object {

// The rooting rule for native code (docs/vm-internals.md, "Rooting"):
//
// 1. Every object made with Runtime::make() and every value a call into Python returns is
//    pushed on the VM's root stack. It stays rooted until the innermost running interpreter
//    loop ends its current instruction, or until a LoopRoots below it starts a new round.
//    So straight-line native code may hold fresh values in C++ locals.
// 2. A native loop whose rounds may allocate or call Python opens a LoopRoots before the
//    loop and calls next_round() at the end of each round. The stack then holds one
//    round's worth of roots, however many items the loop visits.
// 3. A value that must outlive a round (the iterator, an accumulator, the best item so
//    far) lives in a Root declared *before* the LoopRoots, or is stored in an object that
//    is itself rooted that way (the list being built, say).
// 4. A function whose result is not a heap value (a truth value, a hash, an equality, text
//    printed into a Printer) opens a RootScope: nothing it made outlives it, so its roots go
//    when it returns, and any loop calling it stays bounded without further help.
//
// Debug builds assert when a Root is used after a round released its slot, which is what
// happens when a Root is declared after the LoopRoots that flushes it.

// A slot on the root stack that keeps one value alive for as long as the slot is on the
// stack: until the scope that was open when the Root was made ends (the interpreter's
// instruction, or the round of an enclosing LoopRoots). Reassign it with set().
class Root {
  public:
    Root(Runtime& runtime, Value value) : runtime_(runtime), index_(runtime.temporaries_mark()) {
        runtime.push_root(value);
    }
    Root(const Root&) = delete;
    Root& operator=(const Root&) = delete;

    Value get() const {
        assert(index_ < runtime_.temporaries_mark() && "Root used after its slot was released");
        return runtime_.root_slot(index_);
    }
    void set(Value value) {
        assert(index_ < runtime_.temporaries_mark() && "Root used after its slot was released");
        runtime_.root_slot(index_) = value;
    }

  private:
    Runtime& runtime_;
    std::size_t index_;
};

// Marks the root stack at the start of a native loop; next_round() drops every root pushed
// since, so each round starts from the same depth. What the last round pushed stays rooted
// after the loop (until the enclosing scope ends), so a result made in the last round is
// safe to return.
class LoopRoots {
  public:
    explicit LoopRoots(Runtime& runtime) : runtime_(runtime), mark_(runtime.temporaries_mark()) {}
    LoopRoots(const LoopRoots&) = delete;
    LoopRoots& operator=(const LoopRoots&) = delete;

    void next_round() { runtime_.release_temporaries(mark_); }

  private:
    Runtime& runtime_;
    std::size_t mark_;
};

// Releases, when it ends, every root pushed while it was open (rule 4 of the rooting rule). Only
// for functions that return no heap value: a Value made inside would lose its root.
class RootScope {
  public:
    explicit RootScope(Runtime& runtime) : runtime_(runtime), mark_(runtime.temporaries_mark()) {}
    ~RootScope() { runtime_.release_temporaries(mark_); }
    RootScope(const RootScope&) = delete;
    RootScope& operator=(const RootScope&) = delete;

  private:
    Runtime& runtime_;
    std::size_t mark_;
};

}  // namespace xipy::object
