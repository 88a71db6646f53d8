// The text layer's error vocabulary: support's Result and Error, and the full-sink error.
#pragma once

#include "support/error.hpp"
#include "support/result.hpp"

namespace xipy::text {

// Text algorithms fail with the Python exception to raise (Error::kind) and MicroPython's
// exact message; they use the one result type of the layers below object.
using support::Error;
using support::ErrorKind;
using support::Result;
using support::Status;
using support::succeeded;
using support::Success;

inline Error sink_full() { return Error{ErrorKind::memory_error, "memory allocation failed"}; }

}  // namespace xipy::text
