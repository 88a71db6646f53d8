// The machine-readable (JSON) disassembly of a loaded .mpy image.
//
// Schema, version 1 (docs/disassembler.md says the same with examples). Keys
// are always present unless marked "optional"; integers are JSON numbers.
//
// document = {
//   "schema": "xipy-disassembly", "schema_version": 1,
//   "file_size": int, "end_offset": int,          // where the module's data ended
//   "source_file": string,
//   "header": {"major_version", "sub_version", "native_arch", "small_int_bits": int,
//              "arch_flags": int or null},
//   "qstrs": [{"index": int, "static": bool, "static_id": int (0 if inline), "text": string}],
//   "constants": [{"index": int, "kind": string, "repr": string}],
//   "raw_code": code                                // the module's outer code
// }
// code = {
//   "index": int,                                   // position in the loader's raw code list
//   "name": string, "kind": "bytecode" | ...,
//   "file_offset": int, "bytecode_file_offset": int,
//   "argument_names": [string],
//   "prelude": {"n_state", "n_exc_stack", "scope_flags", "n_pos_args", "n_kwonly_args",
//               "n_def_pos_args", "n_info", "n_cell": int, "scope_flag_names": [string]},
//   "cells": [int],
//   "line_table": [{"offset": int, "line": int}],
//   "bytecode_length": int,
//   "instructions": [instruction],
//   "children": [code]
// }
// instruction = {
//   "offset": int, "length": int,                   // offset from the start of the bytecode
//   "opcode": int, "name": string,                  // MicroPython's name, e.g. "LOAD_FAST_MULTI"
//   "stack_effect": int,                            // on fall-through
//   "text": string,                                 // the operand as the text listing shows it
//   optional, by operand format:
//   "qstr": int,                 qstr operands (index into "qstrs")
//   "value": int,                var-uint, small ints, implied local slots
//   "constant": int,             LOAD_CONST_OBJ (index into "constants")
//   "child": int,                MAKE_FUNCTION* / MAKE_CLOSURE* (index into "children")
//   "jump_offset": int, "target": int,   jumps (target is an absolute bytecode offset)
//   "operator": int, "operator_name": string,   UNARY_OP_MULTI / BINARY_OP_MULTI
//   "extra_byte": int            UNWIND_JUMP, MAKE_CLOSURE*
// }
#include "disassembler/json_writer.hpp"

#include "disassembler/listing.hpp"
#include "disassembler/python_repr.hpp"

namespace xipy::disassembler {

namespace {

// The length of the valid UTF-8 sequence starting at text[index], or 0.
std::size_t utf8_sequence_length(std::string_view text, std::size_t index) {
    const auto lead = static_cast<unsigned char>(text[index]);
    std::size_t length = 0;
    std::uint32_t minimum = 0;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
        minimum = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        minimum = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        minimum = 0x10000;
    } else {
        return 0;
    }
    if (index + length > text.size()) {
        return 0;
    }
    std::uint32_t code_point = lead & (0x7f >> length);
    for (std::size_t next = 1; next < length; ++next) {
        const auto byte = static_cast<unsigned char>(text[index + next]);
        if ((byte & 0xc0) != 0x80) {
            return 0;
        }
        code_point = (code_point << 6) | (byte & 0x3f);
    }
    const bool surrogate = code_point >= 0xd800 && code_point <= 0xdfff;
    if (code_point < minimum || code_point > 0x10ffff || surrogate) {
        return 0;
    }
    return length;
}

void append_unicode_escape(std::string& out, unsigned value) {
    constexpr char digits[] = "0123456789abcdef";
    out += "\\u00";
    out += digits[(value >> 4) & 0xf];
    out += digits[value & 0xf];
}

// Builds the document; keys are written in a fixed order so that the output
// is stable and diffable.
class JsonWriter {
  public:
    explicit JsonWriter(const image::Image& image) : image_(image) {}

    support::Result<std::string> write() {
        const image::Header& header = image_.header();
        out_ += "{\"schema\":\"xipy-disassembly\",\"schema_version\":1";
        field("file_size", image_.bytes().size());
        field("end_offset", image_.end_offset());
        out_ += ",\"source_file\":" + json_string(image_.source_file());
        out_ += ",\"header\":{\"major_version\":" + std::to_string(header.major_version);
        field("sub_version", header.sub_version);
        field("native_arch", header.native_arch);
        field("small_int_bits", header.small_int_bits);
        out_ += ",\"arch_flags\":";
        out_ += header.has_arch_flags ? std::to_string(header.arch_flags) : "null";
        out_ += "},\"qstrs\":[";
        for (std::size_t index = 0; index < image_.qstr_count(); ++index) {
            out_ += index > 0 ? ",{" : "{";
            out_ += "\"index\":" + std::to_string(index);
            out_ += ",\"static\":";
            out_ += image_.qstr_is_static(index) ? "true" : "false";
            field("static_id", image_.static_qstr_id(index));
            out_ += ",\"text\":" + json_string(image_.qstr(index)) + "}";
        }
        out_ += "],\"constants\":[";
        const auto constants = image_.constants();
        for (std::size_t index = 0; index < constants.size(); ++index) {
            out_ += index > 0 ? ",{" : "{";
            out_ += "\"index\":" + std::to_string(index);
            out_ += ",\"kind\":" + json_string(image::constant_kind_name(constants[index].kind));
            out_ += ",\"repr\":" + json_string(constant_repr(image_, constants[index])) + "}";
        }
        out_ += "],\"raw_code\":";
        if (image_.raw_codes().empty()) {
            out_ += "null";
        } else {
            XIPY_TRY(auto done, write_code(image_.root()));
            (void)done;
        }
        out_ += "}\n";
        return std::move(out_);
    }

  private:
    template <typename Integer>
    void field(const char* key, Integer value) {
        out_ += ",\"";
        out_ += key;
        out_ += "\":";
        out_ += std::to_string(value);
    }

    support::Result<bool> write_code(const image::RawCode& code) {
        const std::size_t index = static_cast<std::size_t>(&code - image_.raw_codes().data());
        out_ += "{\"index\":" + std::to_string(index);
        out_ += ",\"name\":" + json_string(qstr_text(image_, image_.name_qstr(code)));
        out_ += ",\"kind\":" + json_string(image::code_kind_name(code.kind));
        field("file_offset", code.file_offset);
        field("bytecode_file_offset", code.bytecode_file_offset);
        out_ += ",\"argument_names\":[";
        bool first = true;
        for (std::uint32_t qstr : image_.argument_name_qstrs(code)) {
            out_ += first ? "" : ",";
            out_ += json_string(qstr_text(image_, qstr));
            first = false;
        }
        const image::Prelude& prelude = code.prelude;
        out_ += "],\"prelude\":{\"n_state\":" + std::to_string(prelude.n_state);
        field("n_exc_stack", prelude.n_exc_stack);
        field("scope_flags", prelude.scope_flags);
        field("n_pos_args", prelude.n_pos_args);
        field("n_kwonly_args", prelude.n_kwonly_args);
        field("n_def_pos_args", prelude.n_def_pos_args);
        field("n_info", code.n_info());
        field("n_cell", code.n_cell());
        out_ += ",\"scope_flag_names\":[";
        const std::string names = scope_flag_names(prelude.scope_flags);
        std::size_t start = 0;
        while (start < names.size()) {
            std::size_t end = names.find('|', start);
            if (end == std::string::npos) {
                end = names.size();
            }
            out_ += start > 0 ? "," : "";
            out_ += json_string(std::string_view(names).substr(start, end - start));
            start = end + 1;
        }
        out_ += "]},\"cells\":[";
        first = true;
        for (std::uint8_t cell : image_.cells(code)) {
            out_ += first ? "" : ",";
            out_ += std::to_string(cell);
            first = false;
        }
        out_ += "],\"line_table\":[";
        first = true;
        for (const image::LineEntry& entry : image_.line_entries(code)) {
            out_ += first ? "{" : ",{";
            out_ += "\"offset\":" + std::to_string(entry.bytecode_offset);
            field("line", entry.line);
            out_ += "}";
            first = false;
        }
        out_ += "]";
        field("bytecode_length", image_.bytecode(code).size());
        XIPY_TRY(auto instructions, decode_bytecode(image_, code));
        out_ += ",\"instructions\":[";
        first = true;
        for (const image::Instruction& instruction : instructions) {
            out_ += first ? "" : ",";
            write_instruction(code, instruction);
            first = false;
        }
        out_ += "],\"children\":[";
        first = true;
        for (const image::RawCode& child : image_.children(code)) {
            out_ += first ? "" : ",";
            XIPY_TRY(auto done, write_code(child));
            (void)done;
            first = false;
        }
        out_ += "]}";
        return true;
    }

    void write_instruction(const image::RawCode& code, const image::Instruction& instruction) {
        using image::OperandFormat;
        const image::OpcodeInfo& info = instruction.info();
        out_ += "{\"offset\":" + std::to_string(instruction.offset);
        field("length", instruction.length);
        field("opcode", instruction.opcode);
        out_ += ",\"name\":" + json_string(info.name);
        field("stack_effect", instruction.stack_effect());
        out_ += ",\"text\":" + json_string(operand_text(image_, code, instruction));
        switch (info.format) {
            case OperandFormat::none:
                break;
            case OperandFormat::qstr:
                field("qstr", instruction.operand);
                break;
            case OperandFormat::var_uint:
            case OperandFormat::implied_local:
                field("value", instruction.operand);
                break;
            case OperandFormat::signed_var_int:
            case OperandFormat::implied_small_int:
                field("value", instruction.small_int);
                break;
            case OperandFormat::constant_index:
                field("constant", instruction.operand);
                break;
            case OperandFormat::child_index:
                field("child", instruction.operand);
                break;
            case OperandFormat::jump_signed:
            case OperandFormat::jump_unsigned:
                field("jump_offset", instruction.jump_offset);
                field("target", instruction.jump_target);
                break;
            case OperandFormat::implied_unary_operator:
                field("operator", instruction.operand);
                out_ += ",\"operator_name\":" +
                        json_string(image::unary_operator_name(instruction.operand));
                break;
            case OperandFormat::implied_binary_operator:
                field("operator", instruction.operand);
                out_ += ",\"operator_name\":" +
                        json_string(image::binary_operator_name(instruction.operand));
                break;
        }
        if (info.has_extra_byte) {
            field("extra_byte", instruction.extra_byte);
        }
        out_ += "}";
    }

    const image::Image& image_;
    std::string out_;
};

}  // namespace

std::string json_string(std::string_view text) {
    std::string out = "\"";
    std::size_t index = 0;
    while (index < text.size()) {
        const auto byte = static_cast<unsigned char>(text[index]);
        if (byte >= 0x80) {
            const std::size_t length = utf8_sequence_length(text, index);
            if (length == 0) {
                append_unicode_escape(out, byte);
                ++index;
            } else {
                out.append(text.substr(index, length));
                index += length;
            }
            continue;
        }
        switch (byte) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (byte < 0x20) {
                    append_unicode_escape(out, byte);
                } else {
                    out += static_cast<char>(byte);
                }
        }
        ++index;
    }
    out += '"';
    return out;
}

support::Result<std::string> write_json(const image::Image& image) {
    return JsonWriter(image).write();
}

}  // namespace xipy::disassembler
