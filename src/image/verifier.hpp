// The bytecode verifier: proves, before anything runs, that every raw code of an image is safe.
#pragma once

#include <cstdint>
#include <vector>

#include "image/image.hpp"
#include "support/memory_source.hpp"
#include "support/result.hpp"

namespace xipy::image {

// What the verifier proved about one bytecode raw code; the VM may rely on it without checks.
//
// Invariants for a value returned by verify():
//  - local_count <= prelude.n_state, and it covers every argument slot, every cell and every
//    local index that an instruction names (LOAD_FAST_N, STORE_FAST_MULTI, LOAD_DEREF, ...).
//  - stack_size + local_count <= prelude.n_state: on every path, including exception handlers,
//    unwinding through finally blocks and the slots WITH_CLEANUP, SETUP_WITH and UNWIND_JUMP
//    write above the top, the value stack never holds more than stack_size slots.
//  - exception_depth <= prelude.n_exc_stack: no path opens more exception blocks than that, and
//    no instruction pops a block that is not open (POP_EXCEPT_JUMP, END_FINALLY, UNWIND_JUMP).
//  - stack_guard <= 2: on paths the verifier cannot rule out, ROT_TWO and ROT_THREE may read
//    and write up to stack_guard slots just below the bottom of the value stack (mpy-cross's
//    async with handler does, should the rebindable name BaseException not match the
//    exception). A VM reserves that many slots below the stack, holding valid values (None at
//    first) that the GC scans.
//  - A slot that may hold MP_OBJ_NULL (Value::empty(): what LOAD_NULL pushes, LOAD_METHOD and
//    LOAD_SUPER_METHOD may leave as self, GET_ITER_STACK leaves around the iterator) reaches
//    only instructions that MicroPython lets take it there: the self of CALL_METHOD(_VAR_KW),
//    a `**` keyword name of CALL_*_VAR_KW, the deleting value of STORE_SUBSCR and STORE_ATTR,
//    the defaults of MAKE_*_DEFARGS, the iterator buffer of FOR_ITER and STORE_COMP (not the
//    iterator itself), and POP_TOP, DUP_TOP(_TWO), ROT_TWO and ROT_THREE, which move it.
//  - Every instruction decodes inside the bytecode, every jump and handler lands on an
//    instruction start, execution never runs past the end, and every qstr, constant and child
//    index is in range.
struct VerifiedCode {
    std::uint32_t local_count = 0;
    std::uint32_t stack_size = 0;
    std::uint32_t exception_depth = 0;
    std::uint32_t stack_guard = 0;
};

// Verifies every raw code of `image`. On success the result holds one entry per
// image.raw_codes() entry, in the same order. On failure the error's message reads
// "invalid .mpy: <reason> at <code name>+<bytecode offset>" (or "... at <code name>" for a
// prelude problem), the text a VM raises as ValueError, and its offset is the file offset.
support::Result<std::vector<VerifiedCode>> verify(const Image& image);

// Verifies one raw code of `image` (which must come from image.raw_codes()).
support::Result<VerifiedCode> verify_code(const Image& image, const RawCode& code);

// Verifies one raw code as verify_code() does, taking its working memory from
// `scratch_source` and giving it all back before returning: what a VM does the first time a
// function of the image is called, so its memory follows that function alone. When the source
// refuses, the error's kind is memory_error.
support::Status verify_code(const Image& image, const RawCode& code,
                            support::MemorySource& scratch_source);

}  // namespace xipy::image
