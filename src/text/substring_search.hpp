// Substring search in time linear in the text and the needle, whatever their contents.
#pragma once

#include <cstddef>
#include <string_view>

namespace xipy::text {

// The first occurrence of `needle` in `text` at or after `from`, or npos. An empty needle is
// found at `from` (when from <= text.size()), as std::string_view::find does.
//
// Why not std::string_view::find: it compares the needle at every position where the first
// byte matches, so "a"*n against "a"*m + "b" costs n*m byte comparisons. With a few
// megabytes of each that is minutes of work inside one native call, which no step budget or
// interrupt can stop. Long needles use the two-way algorithm (Crochemore and Perrin), which
// examines each text byte a bounded number of times and needs no memory.
std::size_t find_forward(std::string_view text, std::string_view needle, std::size_t from = 0);

// The last occurrence of `needle` that ends at or before `end` (npos: the whole text), or
// npos; linear as find_forward.
std::size_t find_backward(std::string_view text, std::string_view needle,
                          std::size_t end = std::string_view::npos);

}  // namespace xipy::text
