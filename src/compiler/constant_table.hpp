// ConstantTable: a module's constant objects (LOAD_CONST_OBJ operands), shared and deduplicated as
// mpy-cross does.
#pragma once

#include <cstdint>
#include <string_view>

#include "compiler/working_memory.hpp"

namespace xipy::compiler {

// The kinds of object a .mpy constant table holds (image/format.hpp, object_*). None, False
// and True only occur as tuple items: bytecode loads them with their own opcodes.
enum class ConstantKind : std::uint8_t {
    none,
    false_value,
    true_value,
    ellipsis,
    string,
    bytes,
    integer,
    float_value,
    complex_value,
    tuple,
};

// One constant object.
//
// Invariants: `text` is what the writer stores: the UTF-8 text of a str, the payload of a
// bytes, the decimal text of an int (optional '-', digits), the repr of a float and the repr
// of a complex (a pure imaginary such as "2j"); it is empty for the other kinds. `number` is
// a float's value or a complex's imaginary part, used for equality. `items` holds a tuple's
// items and is empty for the other kinds.
struct ConstantValue {
    ConstantKind kind = ConstantKind::none;
    Text text;
    double number = 0.0;
    Vector<ConstantValue> items;

    static ConstantValue singleton(ConstantKind kind);
    static ConstantValue string(std::string_view text);
    static ConstantValue bytes(std::string_view payload);
    // `decimal`: an optional '-' and digits, without leading zeros.
    static ConstantValue integer(std::string_view decimal);
    // The text is the repr MicroPython prints (number/float_format.hpp): "1.5", "1e+30" for a
    // float, "1.5j", "0j" (the imaginary part in %.16g) for a complex.
    static ConstantValue floating(double value);
    static ConstantValue imaginary(double value);
    // As stored in an existing file, for writing it back unchanged.
    static ConstantValue floating(double value, std::string_view text);
    static ConstantValue imaginary(double value, std::string_view text);
    static ConstantValue tuple(Vector<ConstantValue> items);
};

// MicroPython's test for reusing a constant (py/emitcommon.c): the same type and equal values,
// item by item for tuples; an int never matches a float or a bool. Floats match only when
// their bits do: mpy-cross 1.29 keeps 0.0 and -0.0 apart, shares one constant for two uses of
// math.nan (folded into the same object) and keeps -math.nan apart from it.
bool strictly_equal(const ConstantValue& first, const ConstantValue& second);

// The constant table of one module, in order of first use. Invariant: no two entries are
// strictly equal, so use() of an equal value returns the earlier index.
class ConstantTable {
  public:
    std::uint32_t use(const ConstantValue& value);

    std::size_t size() const { return values_.size(); }
    const ConstantValue& value(std::size_t index) const { return values_[index]; }

  private:
    Vector<ConstantValue> values_;
};

}  // namespace xipy::compiler
