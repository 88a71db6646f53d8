// complex: heap objects holding two doubles, with MicroPython's arithmetic and repr.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "number/float_format.hpp"
#include "object/object.hpp"
#include "object/runtime.hpp"

namespace xipy::object {

extern const Type complex_type;

// Invariant: immutable once made; `real` and `imaginary` may be any doubles (inf, nan, -0.0).
struct ComplexObject : Object {
    double real;
    double imaginary;

    ComplexObject(double real_part, double imaginary_part)
        : Object(&complex_type), real(real_part), imaginary(imaginary_part) {}
};

// A pair of doubles, the currency of the complex and cmath code.
struct ComplexParts {
    double real = 0.0;
    double imaginary = 0.0;
};

bool is_complex(Value value);
Result<Value> make_complex(Runtime& runtime, double real, double imaginary);
inline Result<Value> make_complex(Runtime& runtime, ComplexParts parts) {
    return make_complex(runtime, parts.real, parts.imaginary);
}
// A complex, int, bool or float as a complex number; empty optional (nothing pending)
// for any other value.
std::optional<ComplexParts> complex_parts_of(Value value);
// Like complex_parts_of, but raises TypeError "can't convert <type> to complex".
std::optional<ComplexParts> to_complex(Runtime& runtime, Value value);
// The text of repr(z) and str(z), as MicroPython prints it, held on the C stack.
class ComplexText {
  public:
    explicit ComplexText(ComplexParts parts);
    operator std::string_view() const { return {text_, length_}; }

  private:
    void append(std::string_view piece);
    void append_part(double value);

    char text_[2 * number::max_float_text_length + 4];
    std::size_t length_ = 0;
};
// Parses the text complex() accepts ("1+2j", " -3J ", "4", "inf-nanj"); empty optional
// when it is not valid (the caller raises "invalid syntax for number").
std::optional<ComplexParts> parse_complex(std::string_view text);
// complex's binary operators with a complex, int, bool or float on either side.
Result<Value> complex_binary_operation(Runtime& runtime, BinaryOperator operation, Value left,
                                       Value right);

}  // namespace xipy::object
