// PieceSink: receives the pieces of a split, e.g. to append them to a list.
#pragma once

#include <string_view>

namespace xipy::text {

// Each piece is a view into the text being split. add returns false when the receiver
// cannot store more (the split then stops with ErrorKind::memory_error).
class PieceSink {
  public:
    virtual bool add(std::string_view piece) = 0;

  protected:
    ~PieceSink() = default;
};

}  // namespace xipy::text
