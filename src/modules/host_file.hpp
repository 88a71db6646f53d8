// Host files: the stream object open() makes around a file descriptor the host services opened.
#pragma once

#include "object/runtime.hpp"
#include "object/value.hpp"

namespace xipy::modules {

// An io.TextIOWrapper (`text`) or io.FileIO that owns `descriptor` and closes it on close() or
// when collected; empty with MemoryError pending (and the descriptor closed) when it cannot be
// allocated.
object::Value make_host_file(object::Runtime& runtime, int descriptor, bool text);

}  // namespace xipy::modules
