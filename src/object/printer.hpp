// Printer: collects the text of str()/repr()/print() before it goes anywhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "support/scratch_scope.hpp"
#include "support/source_allocator.hpp"
#include "text/text_sink.hpp"

namespace xipy::object {

// Text is built whole and handed over whole, so a print() that raises half-way writes
// nothing, and host write callbacks see whole lines.
//
// Memory: the first inline_capacity bytes stay inside the Printer (on the C++ stack), so the
// common short print() or repr() asks the C library for nothing, which fixed-buffer VMs need;
// longer text moves to a string in the scratch memory of the VM running on this thread
// (support::ScratchScope), or the C library's when none runs or its heap refuses. A Printer
// lives only on the C++ stack, so it never outlives the run that made it. Invariant: while
// `spilled_` is false the text is inline_[0, size_); after, it is spill_.
class Printer {
  public:
    static constexpr std::size_t inline_capacity = 200;

    Printer() = default;

    void write(std::string_view text) {
        if (!spilled_ && text.size() <= inline_capacity - size_) {
            if (!text.empty()) {
                std::memcpy(inline_ + size_, text.data(), text.size());
            }
            size_ += text.size();
            return;
        }
        spill();
        spill_.append(text);
    }
    void write_char(char character) { write(std::string_view(&character, 1)); }
    void write_integer(std::int64_t value) {
        char digits[24];
        char* end = digits + sizeof digits;
        char* start = end;
        // Negated as unsigned, so the most negative value needs no special case.
        std::uint64_t magnitude =
            value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
        do {
            *--start = static_cast<char>('0' + magnitude % 10);
            magnitude /= 10;
        } while (magnitude != 0);
        if (value < 0) {
            *--start = '-';
        }
        write(std::string_view(start, static_cast<std::size_t>(end - start)));
    }

    std::string_view text() const {
        return spilled_ ? std::string_view(spill_) : std::string_view(inline_, size_);
    }
    std::string take() {
        std::string taken(text());
        clear();
        return taken;
    }
    void clear() {
        spill_.clear();
        spilled_ = false;
        size_ = 0;
    }

  private:
    void spill() {
        if (!spilled_) {
            spill_.assign(inline_, size_);
            spilled_ = true;
        }
    }

    char inline_[inline_capacity];
    std::size_t size_ = 0;
    bool spilled_ = false;
    support::SourceString spill_{support::SourceAllocator<char>(support::current_scratch_memory())};
};

// A Printer as a text::TextSink, so the text layer's writers (a str's repr, padding, case
// changes) build into its inline room instead of a std::string of their own.
class PrinterSink final : public text::TextSink {
  public:
    explicit PrinterSink(Printer& printer) : printer_(printer) {}
    bool append(std::string_view text) override {
        printer_.write(text);
        return true;
    }

  private:
    Printer& printer_;
};

}  // namespace xipy::object
