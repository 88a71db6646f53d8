// Decimal text to double: MicroPython 1.27's digit gathering, then binary128 scaling.
#include "number/float_parse.hpp"

#include <climits>
#include <cmath>
#include <cstdint>
#include <limits>

#include "number/float_wide.hpp"

namespace xipy::number {

namespace {

// Once the gathered digits reach this value another digit could overflow 64 bits, so
// the reference stops gathering (19 or 20 significant digits survive).
constexpr std::uint64_t digits_limit = 0x1999999999999998ULL;

// Keeps the exponent from overflowing while reading absurdly long exponents; the
// result is 0 or infinity long before this.
constexpr int exponent_limit = (INT_MAX / 2 - 9) / 10;

enum class Part { integer, fraction, exponent };

bool is_space(char character) {
    return character == ' ' || (character >= '\t' && character <= '\r');
}

bool matches_word(std::string_view text, std::size_t position, std::string_view lower_word) {
    if (text.size() - position < lower_word.size()) {
        return false;
    }
    for (std::size_t index = 0; index < lower_word.size(); ++index) {
        if ((text[position + index] | 0x20) != lower_word[index]) {
            return false;
        }
    }
    return true;
}

// Gathers decimal digits into a 64-bit integer and a power-of-ten exponent.
//
// Invariant: the number read so far equals (digits followed by pending_integer_zeros
// zeros, then by pending_fraction_zeros zeros) * 10^scale. Zeros are held back
// because, if nothing nonzero follows them, they do not need to cost digits.
class DigitGatherer {
  public:
    void add(unsigned digit, Part part) {
        if (digit == 0 || digits_ >= digits_limit) {
            // Beyond the limit every digit is treated as a held-back zero.
            if (part == Part::integer) {
                ++pending_integer_zeros_;
            } else {
                ++pending_fraction_zeros_;
            }
            return;
        }
        for (; pending_integer_zeros_ > 0; --pending_integer_zeros_) {
            accept(0, Part::integer);
        }
        for (; pending_fraction_zeros_ > 0; --pending_fraction_zeros_) {
            accept(0, Part::fraction);
        }
        accept(digit, part);
    }

    std::uint64_t digits() const { return digits_; }
    // Trailing held-back integer zeros still scale the value; fraction ones do not.
    int scale() const { return scale_ + pending_integer_zeros_; }

  private:
    void accept(unsigned digit, Part part) {
        if (digits_ < digits_limit) {
            if (part == Part::fraction) {
                --scale_;
            }
            digits_ = digits_ * 10 + digit;
        } else if (part == Part::integer) {
            ++scale_;
        }
    }

    std::uint64_t digits_ = 0;
    int scale_ = 0;
    int pending_integer_zeros_ = 0;
    int pending_fraction_zeros_ = 0;
};

}  // namespace

std::optional<UnsignedDecimal> parse_unsigned_decimal(std::string_view text) {
    DigitGatherer gatherer;
    Part part = Part::integer;
    bool exponent_negative = false;
    int exponent = 0;
    std::size_t position = 0;
    while (position < text.size()) {
        char character = text[position];
        if (character >= '0' && character <= '9') {
            auto digit = static_cast<unsigned>(character - '0');
            if (part == Part::exponent) {
                // Past the limit further digits are dropped; the value is already 0 or inf.
                if (exponent < exponent_limit) {
                    exponent = exponent * 10 + static_cast<int>(digit);
                }
            } else {
                gatherer.add(digit, part);
            }
        } else if (character == '.' && part == Part::integer) {
            part = Part::fraction;
        } else if ((character | 0x20) == 'e' && part != Part::exponent) {
            part = Part::exponent;
            if (position + 1 < text.size() &&
                (text[position + 1] == '+' || text[position + 1] == '-')) {
                exponent_negative = text[position + 1] == '-';
                ++position;
            }
            if (position + 1 == text.size()) {
                return std::nullopt;
            }
        } else if (character != '_') {
            break;
        }
        ++position;
    }
    int total_exponent = (exponent_negative ? -exponent : exponent) + gatherer.scale();
    WideFloat scaled =
        scale_by_power_of_ten(WideFloat::from_unsigned(gatherer.digits()), total_exponent);
    return UnsignedDecimal{scaled.to_double(), position};
}

support::Result<double> parse_float(std::string_view text) {
    const auto invalid = [] {
        return support::make_error(support::Error::no_offset, invalid_float_text_message);
    };
    std::size_t position = 0;
    while (position < text.size() && is_space(text[position])) {
        ++position;
    }
    bool negative = false;
    if (position < text.size() && (text[position] == '+' || text[position] == '-')) {
        negative = text[position] == '-';
        ++position;
    }
    const std::size_t body_start = position;
    double value = 0.0;
    if (matches_word(text, position, "inf")) {
        position += 3;
        value = std::numeric_limits<double>::infinity();
        if (matches_word(text, position, "inity")) {
            position += 5;
        }
    } else if (matches_word(text, position, "nan")) {
        position += 3;
        value = std::numeric_limits<double>::quiet_NaN();
    } else {
        auto body = parse_unsigned_decimal(text.substr(position));
        if (!body) {
            return invalid();
        }
        value = body->value;
        position += body->length;
    }
    if (position == body_start) {
        return invalid();
    }
    while (position < text.size() && is_space(text[position])) {
        ++position;
    }
    if (position != text.size()) {
        return invalid();
    }
    return negative ? -value : value;
}

}  // namespace xipy::number
