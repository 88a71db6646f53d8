// Replays a loaded .mpy image through the Emitter: the proof that the back end rebuilds mpy-cross's
// output byte for byte.
#pragma once

#include "compiler/compiled_module.hpp"
#include "image/image.hpp"
#include "support/result.hpp"

namespace xipy::compiler {

// Rebuilds `image` as the compile pass would drive the emitter: every instruction becomes
// the emit operation that produces it, jump targets become labels, the line table becomes
// set_source_line() calls and the exception blocks become begin/end_exception_block().
// What only the compile pass knows is reconstructed from the bytecode: the stack depth at
// each label (a flow analysis), the slots MicroPython reserves in except handlers and
// finally blocks, and the local count (the highest local slot used). The qstr and constant
// tables are filled in the image's order first, since their order comes from the compile
// pass's scope walk, which no image records.
//
// Writing the result with write_mpy() gives the image's own bytes wherever the emitter and
// writer do what mpy-cross does. Fails on bytecode that does not decode or a shape no
// emit operation produces (e.g. WITH_CLEANUP without its LOAD_CONST_NONE).
support::Result<CompiledModule> replay_image(const image::Image& image);

}  // namespace xipy::compiler
