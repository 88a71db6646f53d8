// int and bool: arithmetic with Python semantics, small ints immediate and big ones on the heap.
#include "object/int_object.hpp"

#include <cmath>
#include <limits>

#include "object/buffer.hpp"
#include "object/bytes_object.hpp"
#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/float_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"

namespace xipy::object {
namespace {

using number::BigInteger;

std::int64_t small_value(Value value) {
    if (value.is_bool()) {
        return value.is_true_value() ? 1 : 0;
    }
    return value.as_small_int();
}

bool is_small(Value value) { return value.is_small_int() || value.is_bool(); }

Raised raise_division_by_zero(Runtime& runtime) {
    return runtime.raise_new(&zero_division_error_type, "divide by zero");
}

// What a big-int result of N bytes costs while it is made, in multiples of N: the heap copy,
// the std::vector it is computed in and, for multiplication and powers, Karatsuba's scratch
// (about twice the product).
constexpr std::uint64_t linear_result_cost = 2;
constexpr std::uint64_t product_result_cost = 4;

// Refuses results whose making could not fit the heap's free room, before computing them in
// std::vector-backed temporaries outside the heap's accounting. (Checked against the whole
// limit, a squaring loop in a 32 MiB heap reached 119 MB resident.)
bool check_result_bits(Runtime& runtime, std::uint64_t bits, std::uint64_t cost) {
    return runtime.make_room_for_result(bits / 8, cost).ok();
}

Value comparison_result(BinaryOperator operation, int order) {
    switch (operation) {
        case BinaryOperator::less:
            return Value::boolean(order < 0);
        case BinaryOperator::more:
            return Value::boolean(order > 0);
        case BinaryOperator::equal:
            return Value::boolean(order == 0);
        case BinaryOperator::less_equal:
            return Value::boolean(order <= 0);
        case BinaryOperator::more_equal:
            return Value::boolean(order >= 0);
        case BinaryOperator::not_equal:
            return Value::boolean(order != 0);
        default:
            return Value::not_implemented();
    }
}

Result<Value> big_binary(Runtime& runtime, BinaryOperator operation, const BigInteger& left,
                         const BigInteger& right) {
    switch (operation) {
        case BinaryOperator::add:
            return make_int(runtime, left + right);
        case BinaryOperator::subtract:
            return make_int(runtime, left - right);
        case BinaryOperator::multiply: {
            if (!check_result_bits(runtime, left.bit_length() + right.bit_length(),
                                   product_result_cost)) {
                return Value::empty();
            }
            NativeWorkMeter meter(runtime);
            auto product = number::multiply(left, right, meter);
            if (!product) {
                return Raised{};
            }
            return make_int(runtime, *product);
        }
        case BinaryOperator::floor_divide:
        case BinaryOperator::modulo:
        case BinaryOperator::divmod: {
            if (right.is_zero()) {
                return raise_division_by_zero(runtime);
            }
            NativeWorkMeter meter(runtime);
            auto result = number::divide_with_remainder(left, right, &meter);
            if (!result) {
                return runtime.has_exception() ? Raised{} : raise_division_by_zero(runtime);
            }
            if (operation == BinaryOperator::floor_divide) {
                return make_int(runtime, result->quotient);
            }
            if (operation == BinaryOperator::modulo) {
                return make_int(runtime, result->remainder);
            }
            Value parts[2] = {make_int(runtime, result->quotient),
                              make_int(runtime, result->remainder)};
            if (parts[0].is_empty() || parts[1].is_empty()) {
                return Value::empty();
            }
            return new_tuple(runtime, parts);
        }
        case BinaryOperator::true_divide: {
            if (right.is_zero()) {
                return raise_division_by_zero(runtime);
            }
            // As MicroPython: each side rounded to a double first, so huge operands give
            // inf or nan rather than CPython's exact quotient (docs/compatibility.md).
            return make_float(runtime, left.to_double() / right.to_double());
        }
        case BinaryOperator::power: {
            if (right.is_negative()) {
                double base = left.to_double();
                if (base == 0.0) {
                    return raise_division_by_zero(runtime);
                }
                return make_float(runtime, std::pow(base, right.to_double()));
            }
            if (!right.fits_in_int64()) {
                if (left.is_zero() || left == BigInteger::from_int64(1)) {
                    return make_int(runtime, left);
                }
                runtime.raise_memory_error();
                return Value::empty();
            }
            auto exponent = static_cast<std::uint64_t>(right.to_int64());
            std::uint64_t base_bits = left.bit_length();
            if (base_bits > 1 &&
                (exponent > (std::uint64_t{1} << 40) ||
                 !check_result_bits(runtime, base_bits * exponent, product_result_cost))) {
                if (!runtime.has_exception()) {
                    runtime.raise_memory_error();
                }
                return Value::empty();
            }
            NativeWorkMeter meter(runtime);
            auto result = number::power(left, exponent, meter);
            if (!result) {
                return Raised{};
            }
            return make_int(runtime, *result);
        }
        case BinaryOperator::and_:
            return make_int(runtime, left & right);
        case BinaryOperator::or_:
            return make_int(runtime, left | right);
        case BinaryOperator::xor_:
            return make_int(runtime, left ^ right);
        case BinaryOperator::lshift:
        case BinaryOperator::rshift: {
            // MicroPython converts the count to a machine word first, whatever the left side.
            if (!right.fits_in_int64()) {
                return runtime.raise_new(&overflow_error_type,
                                         "overflow converting long int to machine word");
            }
            if (right.is_negative()) {
                return runtime.raise_new(&value_error_type, "negative shift count");
            }
            if (operation == BinaryOperator::rshift) {
                return make_int(runtime, left >> static_cast<std::uint64_t>(right.to_int64()));
            }
            if (left.is_zero()) {
                return Value::from_small_int(0);
            }
            if (!check_result_bits(runtime,
                                   left.bit_length() + static_cast<std::uint64_t>(right.to_int64()),
                                   linear_result_cost)) {
                if (!runtime.has_exception()) {
                    runtime.raise_memory_error();
                }
                return Value::empty();
            }
            // Linear in the result, charged up front: a shift fills the whole result at once.
            if (!runtime.charge_if_large(left.bit_length() / 8 +
                                         static_cast<std::uint64_t>(right.to_int64()) / 8)) {
                return Value::empty();
            }
            return make_int(runtime, left << static_cast<std::uint64_t>(right.to_int64()));
        }
        default:
            return comparison_result(operation, left < right ? -1 : (left == right ? 0 : 1));
    }
}

// The magnitude of an int (small or big) without copying a big one's limbs. `storage` holds a
// small one's limbs, so it must outlive the result.
number::natural::Magnitude int_magnitude(Value value, number::natural::Limb (&storage)[2],
                                         bool& negative) {
    using number::natural::Limb;
    if (is_small(value)) {
        std::int64_t small = small_value(value);
        negative = small < 0;
        std::uint64_t size =
            negative ? 0 - static_cast<std::uint64_t>(small) : static_cast<std::uint64_t>(small);
        storage[0] = static_cast<Limb>(size);
        storage[1] = static_cast<Limb>(size >> number::natural::limb_bits);
        return number::natural::Magnitude(storage, storage[1] != 0 ? 2 : (storage[0] != 0 ? 1 : 0));
    }
    auto* object = static_cast<const BigIntObject*>(value.as_object());
    negative = object->negative;
    return number::natural::Magnitude(object->limbs(), object->limb_count);
}

// left << count for left != 0, built straight into its heap object. The allocation comes
// zeroed, so the only pass is over left's own limbs, metered so that an interrupt or the step
// budget stops it partway; `1 << n` touches a single limb. (Computed in a std::vector and then
// copied, a 50 MB result took four passes, none of which could stop: 44-92 ms after an
// interrupt.)
Result<Value> shift_left_in_heap(Runtime& runtime, Value left, std::uint64_t count) {
    using number::natural::Limb;
    using number::natural::limb_bits;
    Limb storage[2];
    bool negative = false;
    number::natural::Magnitude source = int_magnitude(left, storage, negative);
    // Sizes stay 64-bit until the heap has agreed to them: on a 32-bit host a count of 2^60
    // would otherwise wrap to a small shift and give a wrong result instead of MemoryError.
    const std::uint64_t wide_limb_shift = count / limb_bits;
    const unsigned bit_shift = static_cast<unsigned>(count % limb_bits);
    const std::uint64_t limb_count = std::uint64_t{source.size()} + wide_limb_shift + 1;
    const std::uint64_t bytes = limb_count * sizeof(Limb);
    if (!runtime.make_room_for_result(bytes, 1).ok()) {
        return Value::empty();
    }
    // The heap agreed, so `bytes` is within its limit and fits a size_t.
    if (limb_count > std::numeric_limits<std::uint32_t>::max()) {
        return runtime.raise_memory_error(static_cast<std::size_t>(bytes));
    }
    const auto limb_shift = static_cast<std::size_t>(wide_limb_shift);
    // The zero limbs below the value are the allocator's work, charged up front like any fill.
    if (!runtime.charge_if_large(limb_shift * sizeof(Limb))) {
        return Value::empty();
    }
    auto* object = runtime.make<BigIntObject>(static_cast<std::size_t>(bytes),
                                              static_cast<std::uint32_t>(limb_count), negative);
    if (object == nullptr) {
        return Value::empty();
    }
    Limb* destination = object->limbs() + limb_shift;
    NativeWorkMeter meter(runtime);
    constexpr std::size_t chunk = std::size_t{1} << 16;
    Limb carry = 0;
    for (std::size_t start = 0; start < source.size(); start += chunk) {
        const std::size_t end = std::min(source.size(), start + chunk);
        for (std::size_t index = start; index < end; ++index) {
            const Limb limb = source[index];
            destination[index] =
                bit_shift == 0 ? limb : static_cast<Limb>((limb << bit_shift) | carry);
            carry = bit_shift == 0 ? 0 : static_cast<Limb>(limb >> (limb_bits - bit_shift));
        }
        // Bytes written: the pass is memory-bound, most of it page faults on fresh memory.
        if (!meter.add((end - start) * sizeof(Limb))) {
            return Value::empty();
        }
    }
    destination[source.size()] = carry;
    std::uint32_t size = object->limb_count;
    while (object->limbs()[size - 1] == 0) {
        --size;
    }
    object->limb_count = size;
    if (size <= 2) {
        // Small enough for the one representation a small int must have.
        BigInteger value = to_big_integer(Value::from_object(object));
        if (value.fits_in_int64() && Value::fits_small_int(value.to_int64())) {
            return Value::from_small_int(value.to_int64());
        }
    }
    return Value::from_object(object);
}

// big & small for small >= 0: only the big one's lowest 64 bits matter, in two's complement.
Value and_with_small(Value big, std::int64_t small) {
    auto* object = static_cast<const BigIntObject*>(big.as_object());
    std::uint64_t low = object->limbs()[0];
    if (object->limb_count > 1) {
        low |= std::uint64_t{object->limbs()[1]} << number::natural::limb_bits;
    }
    if (object->negative) {
        low = 0 - low;
    }
    return Value::from_small_int(
        static_cast<std::int64_t>(low & static_cast<std::uint64_t>(small)));
}

std::int64_t floor_divide_small(std::int64_t left, std::int64_t right) {
    std::int64_t quotient = left / right;
    if ((left % right != 0) && ((left < 0) != (right < 0))) {
        --quotient;
    }
    return quotient;
}

std::int64_t modulo_small(std::int64_t left, std::int64_t right) {
    std::int64_t remainder = left % right;
    if (remainder != 0 && ((remainder < 0) != (right < 0))) {
        remainder += right;
    }
    return remainder;
}

Result<Value> small_binary(Runtime& runtime, BinaryOperator operation, std::int64_t left,
                           std::int64_t right) {
    switch (operation) {
        case BinaryOperator::add:
            return make_int(runtime, left + right);
        case BinaryOperator::subtract:
            return make_int(runtime, left - right);
        case BinaryOperator::multiply: {
            std::int64_t product;
            if (__builtin_mul_overflow(left, right, &product)) {
                return big_binary(runtime, operation, BigInteger::from_int64(left),
                                  BigInteger::from_int64(right));
            }
            return make_int(runtime, product);
        }
        case BinaryOperator::floor_divide:
            if (right == 0) {
                return raise_division_by_zero(runtime);
            }
            return make_int(runtime, floor_divide_small(left, right));
        case BinaryOperator::modulo:
            if (right == 0) {
                return raise_division_by_zero(runtime);
            }
            return make_int(runtime, modulo_small(left, right));
        case BinaryOperator::divmod: {
            if (right == 0) {
                return raise_division_by_zero(runtime);
            }
            Value parts[2] = {make_int(runtime, floor_divide_small(left, right)),
                              make_int(runtime, modulo_small(left, right))};
            return new_tuple(runtime, parts);
        }
        case BinaryOperator::true_divide:
            if (right == 0) {
                return raise_division_by_zero(runtime);
            }
            return make_float(runtime, static_cast<double>(left) / static_cast<double>(right));
        case BinaryOperator::power: {
            if (right < 0) {
                if (left == 0) {
                    return raise_division_by_zero(runtime);
                }
                return make_float(runtime,
                                  std::pow(static_cast<double>(left), static_cast<double>(right)));
            }
            std::int64_t result = 1;
            std::int64_t base = left;
            std::int64_t exponent = right;
            bool overflow = false;
            while (exponent > 0 && !overflow) {
                if ((exponent & 1) != 0) {
                    overflow = __builtin_mul_overflow(result, base, &result);
                }
                exponent >>= 1;
                if (exponent > 0 && !overflow) {
                    overflow = __builtin_mul_overflow(base, base, &base);
                }
            }
            if (overflow) {
                return big_binary(runtime, operation, BigInteger::from_int64(left),
                                  BigInteger::from_int64(right));
            }
            return make_int(runtime, result);
        }
        case BinaryOperator::and_:
            return make_int(runtime, left & right);
        case BinaryOperator::or_:
            return make_int(runtime, left | right);
        case BinaryOperator::xor_:
            return make_int(runtime, left ^ right);
        case BinaryOperator::lshift: {
            if (right < 0) {
                return runtime.raise_new(&value_error_type, "negative shift count");
            }
            // Shifts whose result fits 64 bits need no big-int arithmetic (AES and hashes
            // shift bytes by 8, 16 and 24).
            std::int64_t shifted;
            if (right < 63 && !__builtin_mul_overflow(left, std::int64_t{1} << right, &shifted)) {
                return make_int(runtime, shifted);
            }
            if (left == 0) {
                return Value::from_small_int(0);
            }
            return shift_left_in_heap(runtime, Value::from_small_int(left),
                                      static_cast<std::uint64_t>(right));
        }
        case BinaryOperator::rshift:
            if (right < 0) {
                return runtime.raise_new(&value_error_type, "negative shift count");
            }
            return make_int(runtime, right >= 63 ? (left < 0 ? -1 : 0) : (left >> right));
        default:
            return comparison_result(operation, left < right ? -1 : (left == right ? 0 : 1));
    }
}

Status int_print(Runtime& runtime, Value self, Printer& printer, PrintKind) {
    if (self.is_bool()) {
        printer.write(self.is_true_value() ? "True" : "False");
        return succeeded();
    }
    if (self.is_small_int()) {
        printer.write_integer(self.as_small_int());
        return succeeded();
    }
    NativeWorkMeter meter(runtime);
    const number::BigIntegerText text(to_big_integer(self), 10, false, &meter);
    if (text.view().empty()) {
        return Raised{};
    }
    printer.write(text.view());
    return succeeded();
}

Result<Value> int_unary(Runtime& runtime, UnaryOperator operation, Value operand) {
    if (is_small(operand)) {
        std::int64_t value = small_value(operand);
        switch (operation) {
            case UnaryOperator::positive:
                return make_int(runtime, value);
            case UnaryOperator::negative:
                return make_int(runtime, -value);
            case UnaryOperator::invert:
                return make_int(runtime, ~value);
            case UnaryOperator::boolean:
                return Value::boolean(value != 0);
            case UnaryOperator::hash:
                return Value::from_small_int(value);
            case UnaryOperator::absolute:
                return make_int(runtime, value < 0 ? -value : value);
            default:
                return Value::not_implemented();
        }
    }
    BigInteger value = to_big_integer(operand);
    switch (operation) {
        case UnaryOperator::positive:
            return operand;
        case UnaryOperator::negative:
            return make_int(runtime, -value);
        case UnaryOperator::invert:
            return make_int(runtime, ~value);
        case UnaryOperator::boolean:
            return Value::true_value();
        case UnaryOperator::hash:
            return make_int(runtime, big_int_hash(operand));
        case UnaryOperator::absolute:
            return make_int(runtime, value.absolute());
        default:
            return Value::not_implemented();
    }
}

Result<Value> int_from_double(Runtime& runtime, double value) {
    auto result = BigInteger::from_double(value);
    if (!result) {
        const Type* type = std::isnan(value) ? &value_error_type : &overflow_error_type;
        return runtime.raise_new(type, result.error().message);
    }
    return make_int(runtime, *result);
}

Result<Value> int_make_new(Runtime& runtime, const Type*, Arguments arguments) {
    if (arguments.keyword_count != 0) {
        return runtime.raise_new(&type_error_type, "function doesn't take keyword arguments");
    }
    if (arguments.positional_count == 0) {
        return Value::from_small_int(0);
    }
    if (arguments.positional_count > 2) {
        return runtime.raise_joined(
            &type_error_type,
            {"function expected at most 2 arguments, got ",
             Runtime::DecimalText(static_cast<std::int64_t>(arguments.positional_count))});
    }
    Value value = arguments[0];
    if (arguments.positional_count == 2) {
        auto base = to_integer(runtime, arguments[1]);
        if (!base) {
            return Value::empty();
        }
        if (!is_str(value) && !is_bytes(value)) {
            return runtime.raise_joined(
                &type_error_type,
                {"can't convert '", type_name_of(runtime, value), "' object to str implicitly"});
        }
        std::string_view text = is_str(value) ? str_view(runtime, value) : bytes_view(value);
        return parse_int(runtime, text, static_cast<int>(*base));
    }
    if (is_small(value)) {
        return Value::from_small_int(small_value(value));
    }
    if (is_big_int(value)) {
        return value;
    }
    if (value.is_double()) {
        return int_from_double(runtime, value.as_double());
    }
    if (is_str(value)) {
        return parse_int(runtime, str_view(runtime, value), 10);
    }
    // Any buffer holds digits too (bytes, bytearray, memoryview, array), as on the reference.
    if (std::optional<BufferView> buffer = get_buffer(value)) {
        return parse_int(runtime, std::string(buffer->bytes()), 10);
    }
    Value native = native_self(value);
    if (native != value) {
        Value single[1] = {native};
        return int_make_new(runtime, &int_type, Arguments{single, 1, 0});
    }
    for (std::uint32_t name : {names::dunder_int, names::dunder_index}) {
        Value method = find_attribute(runtime, value, name);
        if (!method.is_empty()) {
            Value result = call_positional(runtime, method, std::span<const Value>{});
            if (result.is_empty() || is_int(result)) {
                return result;
            }
            // MicroPython raises a bare TypeError when __int__ gives a non-int.
            return runtime.raise_type(&type_error_type);
        }
        if (runtime.has_exception()) {
            return Value::empty();
        }
    }
    return runtime.raise_joined(&type_error_type,
                                {"can't convert ", type_name_of(runtime, value), " to int"});
}

Result<Value> bool_make_new(Runtime& runtime, const Type*, Arguments arguments) {
    if (arguments.positional_count == 0) {
        return Value::false_value();
    }
    int result = truth(runtime, arguments[0]);
    if (result < 0) {
        return Value::empty();
    }
    return Value::boolean(result != 0);
}

Result<Value> int_bit_length(Runtime& runtime, Arguments arguments) {
    return make_int(runtime, static_cast<std::int64_t>(to_big_integer(arguments[0]).bit_length()));
}

std::optional<number::ByteOrder> byte_order_argument(Runtime& runtime, Value value) {
    if (value.is_interned_string() && value.as_interned_string() == names::little) {
        return number::ByteOrder::little;
    }
    if (value.is_interned_string() && value.as_interned_string() == names::big) {
        return number::ByteOrder::big;
    }
    runtime.raise_new(&value_error_type, "byteorder must be either 'little' or 'big'");
    return std::nullopt;
}

Result<Value> int_to_bytes(Runtime& runtime, Arguments arguments) {
    if (!check_keywords(runtime, arguments, {names::length, names::byteorder, names::signed_})) {
        return Value::empty();
    }
    // to_bytes(length=1, byteorder='big', *, signed=False), as since CPython 3.11; length and
    // byteorder by position or by keyword, not both (MicroPython's words for that).
    Value length_keyword = keyword_argument(arguments, names::length);
    Value order_keyword = keyword_argument(arguments, names::byteorder);
    if ((arguments.positional_count > 1 && !length_keyword.is_empty()) ||
        (arguments.positional_count > 2 && !order_keyword.is_empty())) {
        return runtime.raise_new(&type_error_type, "extra keyword arguments given");
    }
    const Value length_value = arguments.positional_count > 1 ? arguments[1] : length_keyword;
    const Value order_value = arguments.positional_count > 2 ? arguments[2] : order_keyword;
    auto length = !length_value.is_empty() ? to_integer(runtime, length_value)
                                           : std::optional<std::int64_t>(1);
    if (!length) {
        return Value::empty();
    }
    if (*length < 0) {
        return runtime.raise_new(&value_error_type, "length argument must be non-negative");
    }
    auto order = !order_value.is_empty() ? byte_order_argument(runtime, order_value)
                                         : std::optional(number::ByteOrder::big);
    if (!order) {
        return Value::empty();
    }
    Value is_signed = keyword_argument(arguments, names::signed_);
    int signed_flag = is_signed.is_empty() ? 0 : truth(runtime, is_signed);
    if (signed_flag < 0) {
        return Value::empty();
    }
    if (!check_result_bits(runtime, static_cast<std::uint64_t>(*length) * 8, linear_result_cost)) {
        return Value::empty();
    }
    // MicroPython 1.29's texts (1.27 wrote a negative int in two's complement even without
    // signed=True, and said "buffer too small").
    number::BigInteger value = to_big_integer(arguments[0]);
    if (value.is_negative() && signed_flag == 0) {
        return runtime.raise_new(&overflow_error_type, "can't convert negative int to unsigned");
    }
    auto bytes = value.to_bytes(static_cast<std::size_t>(*length), *order, signed_flag != 0);
    if (!bytes) {
        return runtime.raise_joined(
            &overflow_error_type,
            {"value would overflow a ", Runtime::DecimalText(static_cast<std::int64_t>(*length)),
             " byte buffer"});
    }
    return make_bytes(
        runtime, std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()));
}

Result<Value> int_from_bytes(Runtime& runtime, Arguments arguments) {
    if (!check_keywords(runtime, arguments, {names::signed_})) {
        return Value::empty();
    }
    // Any buffer will do (bytearray, array, memoryview), as on the reference.
    if (!require_buffer(runtime, arguments[1])) {
        return Value::empty();
    }
    auto order = arguments.positional_count > 2 ? byte_order_argument(runtime, arguments[2])
                                                : std::optional(number::ByteOrder::big);
    if (!order) {
        return Value::empty();
    }
    Value is_signed = keyword_argument(arguments, names::signed_);
    int signed_flag = is_signed.is_empty() ? 0 : truth(runtime, is_signed);
    if (signed_flag < 0) {
        return Value::empty();
    }
    // Fetched again: the checks above may have run Python code that resized the buffer.
    auto buffer = get_buffer(arguments[1]);
    if (!buffer) {
        return runtime.raise_new(&type_error_type, "object with buffer protocol required");
    }
    std::string_view data = buffer->bytes();
    return make_int(runtime,
                    BigInteger::from_bytes(
                        std::span(reinterpret_cast<const std::uint8_t*>(data.data()), data.size()),
                        *order, signed_flag != 0));
}

constexpr NativeFunction int_bit_length_function{names::bit_length, NativeKind::method, 1, 1,
                                                 int_bit_length};
constexpr NativeFunction int_to_bytes_function{
    names::to_bytes, NativeKind::method, 1, 3, int_to_bytes, true};
constexpr NativeFunction int_from_bytes_function{
    names::from_bytes, NativeKind::class_method, 2, 3, int_from_bytes, true};
constexpr Attribute int_attributes[] = {
    {names::bit_length, &int_bit_length_function},
    {names::to_bytes, &int_to_bytes_function},
    {names::from_bytes, &int_from_bytes_function},
};

}  // namespace

constinit const Type int_type{names::int_, &object_type,
                              TypeSlots{
                                  .make_new = int_make_new,
                                  .print = int_print,
                                  .unary_operation = int_unary,
                                  .binary_operation = int_binary_operation,
                              },
                              int_attributes, type_flag_subclassable};

constinit const Type bool_type{names::bool_,
                               &int_type,
                               TypeSlots{
                                   .make_new = bool_make_new,
                                   .print = int_print,
                                   .unary_operation = int_unary,
                                   .binary_operation = int_binary_operation,
                               },
                               {}};

bool is_big_int(Value value) { return value.is_object() && value.as_object()->type() == &int_type; }

bool is_int(Value value) { return is_small(value) || is_big_int(value); }

Result<Value> make_int(Runtime& runtime, std::int64_t value) {
    if (Value::fits_small_int(value)) {
        return Value::from_small_int(value);
    }
    return make_int(runtime, BigInteger::from_int64(value));
}

Result<Value> make_int(Runtime& runtime, const BigInteger& value) {
    if (value.fits_in_int64() && Value::fits_small_int(value.to_int64())) {
        return Value::from_small_int(value.to_int64());
    }
    number::natural::Magnitude magnitude = value.magnitude();
    auto* object = runtime.make<BigIntObject>(magnitude.size() * sizeof(number::natural::Limb),
                                              static_cast<std::uint32_t>(magnitude.size()),
                                              value.is_negative());
    if (object == nullptr) {
        return Value::empty();
    }
    for (std::size_t index = 0; index < magnitude.size(); ++index) {
        object->limbs()[index] = magnitude[index];
    }
    return Value::from_object(object);
}

number::BigInteger to_big_integer(Value value) {
    if (is_small(value)) {
        return BigInteger::from_int64(small_value(value));
    }
    auto* object = static_cast<const BigIntObject*>(value.as_object());
    return BigInteger::from_magnitude(
        number::natural::Magnitude(object->limbs(), object->limb_count), object->negative);
}

std::optional<std::int64_t> int_to_int64(Value value) {
    if (is_small(value)) {
        return small_value(value);
    }
    BigInteger big = to_big_integer(value);
    if (!big.fits_in_int64()) {
        return std::nullopt;
    }
    return big.to_int64();
}

std::int64_t integer_hash(const number::BigInteger& value) {
    // Reduce modulo 2^61 - 1 as CPython does, so equal values hash equally
    // whatever their representation (small int, big int or float).
    constexpr std::uint64_t modulus = (std::uint64_t{1} << 61) - 1;
    number::natural::Magnitude magnitude = value.magnitude();
    std::uint64_t hash = 0;
    for (std::size_t index = magnitude.size(); index > 0; --index) {
        // hash * 2^32 + limb, reduced using 2^61 == 1 (mod 2^61 - 1).
        std::uint64_t shifted = (hash >> 29) + ((hash & ((std::uint64_t{1} << 29) - 1)) << 32);
        hash = (shifted % modulus + magnitude[index - 1]) % modulus;
    }
    auto result = static_cast<std::int64_t>(hash);
    return value.is_negative() ? -result : result;
}

std::int64_t big_int_hash(Value value) { return integer_hash(to_big_integer(value)); }

Result<Value> int_binary_operation(Runtime& runtime, BinaryOperator operation, Value left,
                                   Value right) {
    operation = plain_operator(operation);
    if (left.is_double() || right.is_double()) {
        return float_binary_operation(runtime, operation, left, right);
    }
    if (!is_int(left) || !is_int(right)) {
        return Value::not_implemented();
    }
    if (left.is_bool() && right.is_bool() &&
        (operation == BinaryOperator::and_ || operation == BinaryOperator::or_ ||
         operation == BinaryOperator::xor_)) {
        bool first = left.is_true_value();
        bool second = right.is_true_value();
        bool result = operation == BinaryOperator::and_  ? (first && second)
                      : operation == BinaryOperator::or_ ? (first || second)
                                                         : (first != second);
        return Value::boolean(result);
    }
    if (is_small(left) && is_small(right)) {
        return small_binary(runtime, operation, small_value(left), small_value(right));
    }
    // Without copying a big operand: a shift by a small count, and a mask with a small one.
    if (operation == BinaryOperator::lshift && is_small(right) && small_value(right) >= 0) {
        return shift_left_in_heap(runtime, left, static_cast<std::uint64_t>(small_value(right)));
    }
    if (operation == BinaryOperator::and_) {
        if (is_small(right) && small_value(right) >= 0) {
            return and_with_small(left, small_value(right));
        }
        if (is_small(left) && small_value(left) >= 0) {
            return and_with_small(right, small_value(left));
        }
    }
    return big_binary(runtime, operation, to_big_integer(left), to_big_integer(right));
}

Result<Value> small_int_binary_operation(Runtime& runtime, BinaryOperator operation,
                                         std::int64_t left, std::int64_t right) {
    return small_binary(runtime, plain_operator(operation), left, right);
}

Result<Value> parse_int(Runtime& runtime, std::string_view text, int base) {
    NativeWorkMeter meter(runtime);
    auto result = BigInteger::parse(text, base, &meter);
    if (!result) {
        if (runtime.has_exception()) {
            return Raised{};
        }
        return runtime.raise_new(&value_error_type, result.error().message);
    }
    return make_int(runtime, *result);
}

}  // namespace xipy::object
