// Printer: text past its inline room goes to the running VM's scratch memory, and back after.
#include <gtest/gtest.h>

#include <cstddef>
#include <string>

#include "object/printer.hpp"
#include "support/counting_source.hpp"
#include "support/scratch_scope.hpp"

namespace xipy::object {
namespace {

// Text of `length` bytes whose length the compiler cannot see (GCC would otherwise warn that
// the inline copy, which the length test skips, overflows the inline room).
std::string text_of_length(std::size_t length) {
    volatile std::size_t hidden = length;
    return std::string(hidden, 'x');
}

TEST(PrinterScratchTest, LongTextSpillsIntoTheScopesMemory) {
    support::CountingSource source;
    const std::string long_text = text_of_length(Printer::inline_capacity + 50);
    {
        support::ScratchScope scope(source);
        Printer printer;
        printer.write("short");
        EXPECT_EQ(source.live_bytes, 0u);
        printer.write(long_text);
        EXPECT_GT(source.live_bytes, long_text.size());
        EXPECT_EQ(printer.text(), "short" + long_text);
        EXPECT_EQ(printer.take(), "short" + long_text);
        EXPECT_EQ(printer.text(), "");
    }
    EXPECT_EQ(source.live_bytes, 0u);
}

TEST(PrinterScratchTest, WithoutAScopeTheCLibraryServes) {
    Printer printer;
    const std::string long_text = text_of_length(Printer::inline_capacity * 3);
    printer.write(long_text);
    EXPECT_EQ(printer.text(), long_text);
}

}  // namespace
}  // namespace xipy::object
