// TextSink: where text algorithms write their output, able to refuse (heap limit).
#pragma once

#include <cstddef>
#include <string_view>

#include "text/errors.hpp"

namespace xipy::text {

// The VM implements this over its own heap buffers; append returns false when the
// buffer cannot grow (the algorithm then stops with ErrorKind::memory_error). Text is
// raw bytes: str output is UTF-8, bytes output is arbitrary.
class TextSink {
  public:
    virtual bool append(std::string_view text) = 0;

    Status write(std::string_view text) { return append(text) ? succeeded() : sink_full(); }
    Status write_repeated(char byte, std::size_t count);

  protected:
    ~TextSink() = default;
};

}  // namespace xipy::text
