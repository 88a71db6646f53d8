// ConstantTable: a module's constant objects, deduplicated by MicroPython's strict equality.
#include "compiler/constant_table.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <utility>

#include "number/float_format.hpp"

namespace xipy::compiler {

namespace {

Text float_repr(double value) {
    std::array<char, 40> text{};
    const std::size_t length = number::format_float_repr(value, text);
    return Text(text.data(), length);
}

}  // namespace

ConstantValue ConstantValue::singleton(ConstantKind kind) {
    ConstantValue value;
    value.kind = kind;
    return value;
}

ConstantValue ConstantValue::string(std::string_view text) {
    ConstantValue value;
    value.kind = ConstantKind::string;
    value.text = text;
    return value;
}

ConstantValue ConstantValue::bytes(std::string_view payload) {
    ConstantValue value;
    value.kind = ConstantKind::bytes;
    value.text = payload;
    return value;
}

ConstantValue ConstantValue::integer(std::string_view decimal) {
    ConstantValue value;
    value.kind = ConstantKind::integer;
    value.text = decimal;
    return value;
}

ConstantValue ConstantValue::floating(double number) {
    ConstantValue value;
    value.kind = ConstantKind::float_value;
    value.text = float_repr(number);
    value.number = number;
    return value;
}

ConstantValue ConstantValue::imaginary(double number) {
    ConstantValue value;
    value.kind = ConstantKind::complex_value;
    std::array<char, 40> text{};
    const std::size_t length = number::format_float(number, 'g', 16, {}, text);
    value.text = Text(text.data(), length) + "j";
    value.number = number;
    return value;
}

ConstantValue ConstantValue::floating(double number, std::string_view text) {
    ConstantValue value = floating(number);
    value.text = text;
    return value;
}

ConstantValue ConstantValue::imaginary(double number, std::string_view text) {
    ConstantValue value = imaginary(number);
    value.text = text;
    return value;
}

ConstantValue ConstantValue::tuple(Vector<ConstantValue> items) {
    ConstantValue value;
    value.kind = ConstantKind::tuple;
    value.items = std::move(items);
    return value;
}

bool strictly_equal(const ConstantValue& first, const ConstantValue& second) {
    if (first.kind != second.kind) {
        return false;
    }
    switch (first.kind) {
        case ConstantKind::float_value:
        case ConstantKind::complex_value:
            return std::bit_cast<std::uint64_t>(first.number) ==
                   std::bit_cast<std::uint64_t>(second.number);
        case ConstantKind::tuple:
            if (first.items.size() != second.items.size()) {
                return false;
            }
            for (std::size_t index = 0; index < first.items.size(); ++index) {
                if (!strictly_equal(first.items[index], second.items[index])) {
                    return false;
                }
            }
            return true;
        default:
            return first.text == second.text;
    }
}

std::uint32_t ConstantTable::use(const ConstantValue& value) {
    for (std::size_t index = 0; index < values_.size(); ++index) {
        if (strictly_equal(values_[index], value)) {
            return static_cast<std::uint32_t>(index);
        }
    }
    values_.push_back(value);
    return static_cast<std::uint32_t>(values_.size() - 1);
}

}  // namespace xipy::compiler
