// Printer: collects the text of str()/repr()/print() before it goes anywhere.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace xipy::object {

// Text is built in a std::string and handed over whole, so a print() that
// raises half-way writes nothing, and host write callbacks see whole lines.
class Printer {
  public:
    void write(std::string_view text) { text_.append(text); }
    void write_char(char character) { text_.push_back(character); }
    void write_integer(std::int64_t value) { text_.append(std::to_string(value)); }

    const std::string& text() const { return text_; }
    std::string take() { return std::move(text_); }
    void clear() { text_.clear(); }

  private:
    std::string text_;
};

}  // namespace xipy::object
