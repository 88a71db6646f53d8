// DecimalText: a number's decimal digits on the C stack, for joining into a text.
#pragma once

#include <charconv>
#include <cstdint>
#include <string_view>

namespace xipy::support {

// Error texts name numbers (an index, a count, an offset); std::to_string would take a
// std::string, and so malloc, for each.
class DecimalText {
  public:
    explicit DecimalText(std::int64_t value) {
        end_ = std::to_chars(digits_, digits_ + sizeof digits_, value).ptr;
    }
    operator std::string_view() const {
        return {digits_, static_cast<std::size_t>(end_ - digits_)};
    }

  private:
    char digits_[24];
    char* end_;
};

}  // namespace xipy::support
