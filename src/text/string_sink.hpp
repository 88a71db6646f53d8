// StringSink: a TextSink that appends to a string, for hosts, tests and scratch text.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>

#include "support/scratch_allocator.hpp"
#include "text/text_sink.hpp"

namespace xipy::text {

// Appends to a caller-owned string and refuses to grow it past `limit` bytes, so tests
// can check how algorithms fail when the output is full. A VM's own work appends to a
// support::ScratchString (ScratchSink), whose blocks come from the VM's heap.
template <class String>
class BasicStringSink final : public TextSink {
  public:
    explicit BasicStringSink(String& target,
                             std::size_t limit = std::numeric_limits<std::size_t>::max())
        : target_(target), limit_(limit) {}

    bool append(std::string_view text) override {
        if (text.size() > limit_ - target_.size()) {
            return false;
        }
        target_.append(text);
        return true;
    }

  private:
    String& target_;
    std::size_t limit_;
};

using StringSink = BasicStringSink<std::string>;
using ScratchSink = BasicStringSink<support::ScratchString>;

}  // namespace xipy::text
