// StringSink: a TextSink that appends to a std::string, for hosts and tests.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>

#include "text/text_sink.hpp"

namespace xipy::text {

// Appends to a caller-owned string and refuses to grow it past `limit` bytes, so tests
// can check how algorithms fail when the output is full.
class StringSink final : public TextSink {
  public:
    explicit StringSink(std::string& target,
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
    std::string& target_;
    std::size_t limit_;
};

}  // namespace xipy::text
