// Writes a CompiledModule as a .mpy v6 file, byte for byte as mpy-cross does.
#include "compiler/mpy_writer.hpp"

#include "image/format.hpp"
#include "image/operand_writer.hpp"
#include "image/static_qstrs.hpp"

namespace xipy::compiler {

namespace {

namespace format = image::format;

void append_text(Vector<std::uint8_t>& out, const Text& text) {
    out.insert(out.end(), text.begin(), text.end());
}

void append_qstr(Vector<std::uint8_t>& out, const Text& text) {
    if (const auto id = image::find_static_qstr(text)) {
        image::append_var_uint(out, std::uint64_t{*id} << 1 | format::qstr_static_flag);
        return;
    }
    image::append_var_uint(out, std::uint64_t{text.size()} << 1);
    append_text(out, text);
    out.push_back(0);
}

std::uint8_t kind_byte(ConstantKind kind) {
    switch (kind) {
        case ConstantKind::none:
            return format::object_none;
        case ConstantKind::false_value:
            return format::object_false;
        case ConstantKind::true_value:
            return format::object_true;
        case ConstantKind::ellipsis:
            return format::object_ellipsis;
        case ConstantKind::string:
            return format::object_string;
        case ConstantKind::bytes:
            return format::object_bytes;
        case ConstantKind::integer:
            return format::object_int;
        case ConstantKind::float_value:
            return format::object_float;
        case ConstantKind::complex_value:
            return format::object_complex;
        case ConstantKind::tuple:
            return format::object_tuple;
    }
    return format::object_none;
}

void append_constant(Vector<std::uint8_t>& out, const ConstantValue& value) {
    out.push_back(kind_byte(value.kind));
    switch (value.kind) {
        case ConstantKind::none:
        case ConstantKind::false_value:
        case ConstantKind::true_value:
        case ConstantKind::ellipsis:
            return;
        case ConstantKind::tuple:
            image::append_var_uint(out, value.items.size());
            for (const ConstantValue& item : value.items) {
                append_constant(out, item);
            }
            return;
        case ConstantKind::string:
        case ConstantKind::bytes:
            // Followed by a NUL, so the loader can hand out C strings in place.
            image::append_var_uint(out, value.text.size());
            append_text(out, value.text);
            out.push_back(0);
            return;
        case ConstantKind::integer:
        case ConstantKind::float_value:
        case ConstantKind::complex_value:
            image::append_var_uint(out, value.text.size());
            append_text(out, value.text);
            return;
    }
}

class RawCodeWriter {
  public:
    RawCodeWriter(const CompiledModule& module, Vector<std::uint8_t>& out)
        : module_(module), out_(out), written_(module.codes.size(), false) {}

    support::Status write(std::uint32_t index, std::size_t depth) {
        if (index >= module_.codes.size() || written_[index]) {
            return support::make_error(
                support::Error::no_offset,
                {"code ", support::DecimalText(index), " missing or used as a child twice"});
        }
        if (depth > format::maximum_nesting_depth) {
            return support::make_error(support::Error::no_offset, "functions nested too deeply");
        }
        written_[index] = true;
        const CompiledCode& code = module_.codes[index];
        const bool has_children = !code.children.empty();
        image::append_var_uint(
            out_, std::uint64_t{code.function_data.size()} << format::raw_code_length_shift |
                      (has_children ? format::raw_code_has_children : 0) |
                      format::code_kind_bytecode);
        out_.insert(out_.end(), code.function_data.begin(), code.function_data.end());
        if (has_children) {
            image::append_var_uint(out_, code.children.size());
            for (std::uint32_t child : code.children) {
                if (support::Status status = write(child, depth + 1); !status.ok()) {
                    return status;
                }
            }
        }
        return support::Success{};
    }

    bool all_written() const {
        for (bool written : written_) {
            if (!written) {
                return false;
            }
        }
        return true;
    }

  private:
    const CompiledModule& module_;
    Vector<std::uint8_t>& out_;
    Vector<bool> written_;
};

}  // namespace

support::Result<Vector<std::uint8_t>> write_mpy(const CompiledModule& module) {
    Vector<std::uint8_t> out;
    out.push_back(format::magic);
    out.push_back(format::major_version);
    // Bytecode only: no native architecture, so no sub-version either (as mpy-cross writes).
    out.push_back(format::native_arch_none);
    out.push_back(module.small_int_bits);
    image::append_var_uint(out, module.qstrs.size());
    image::append_var_uint(out, module.constants.size());
    for (std::size_t index = 0; index < module.qstrs.size(); ++index) {
        append_qstr(out, module.qstrs.text(index));
    }
    for (std::size_t index = 0; index < module.constants.size(); ++index) {
        append_constant(out, module.constants.value(index));
    }
    if (module.codes.empty()) {
        return support::make_error(support::Error::no_offset, "module has no code");
    }
    RawCodeWriter writer(module, out);
    if (support::Status status = writer.write(0, 1); !status.ok()) {
        return status.error();
    }
    if (!writer.all_written()) {
        return support::make_error(support::Error::no_offset, "a code is nobody's child");
    }
    return out;
}

}  // namespace xipy::compiler
