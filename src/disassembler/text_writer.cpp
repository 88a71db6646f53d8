// The human-readable disassembly listing of a loaded .mpy image.
#include "disassembler/text_writer.hpp"

#include <array>
#include <cstdio>

#include "disassembler/listing.hpp"
#include "disassembler/python_repr.hpp"

namespace xipy::disassembler {

namespace {

std::string padded(std::string text, std::size_t width) {
    if (text.size() < width) {
        text.insert(0, width - text.size(), ' ');
    }
    return text;
}

std::string hex(std::uint32_t value) {
    std::array<char, 16> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "0x%x", static_cast<unsigned>(value));
    return buffer.data();
}

class TextWriter {
  public:
    explicit TextWriter(const image::Image& image) : image_(image) {}

    support::Result<std::string> write() {
        write_header();
        write_qstrs();
        write_constants();
        if (!image_.raw_codes().empty()) {
            XIPY_TRY(auto done, write_code(image_.root(), 0));
            (void)done;
        }
        return std::move(out_);
    }

  private:
    void line(int depth, const std::string& text) {
        out_.append(static_cast<std::size_t>(depth) * 4, ' ');
        out_ += text;
        out_ += '\n';
    }

    void write_header() {
        const image::Header& header = image_.header();
        line(0, "file: " + string_repr(image_.source_file()) + ", " +
                    std::to_string(image_.bytes().size()) + " bytes, module ends at " +
                    std::to_string(image_.end_offset()));
        std::string text = "header: version " + std::to_string(header.major_version) + "." +
                           std::to_string(header.sub_version) + ", native arch " +
                           std::to_string(header.native_arch) + ", small int bits " +
                           std::to_string(header.small_int_bits);
        if (header.has_arch_flags) {
            text += ", arch flags " + hex(header.arch_flags);
        }
        line(0, text);
    }

    void write_qstrs() {
        line(0, "qstrs: " + std::to_string(image_.qstr_count()));
        for (std::size_t index = 0; index < image_.qstr_count(); ++index) {
            const std::string origin =
                image_.qstr_is_static(index)
                    ? "static " + std::to_string(image_.static_qstr_id(index))
                    : std::string("inline");
            line(1, padded(std::to_string(index), 4) + "  " + origin + "  " +
                        string_repr(image_.qstr(index)));
        }
    }

    void write_constants() {
        const auto constants = image_.constants();
        line(0, "constants: " + std::to_string(constants.size()));
        for (std::size_t index = 0; index < constants.size(); ++index) {
            line(1, padded(std::to_string(index), 4) + "  " +
                        std::string(image::constant_kind_name(constants[index].kind)) + "  " +
                        constant_repr(image_, constants[index]));
        }
    }

    support::Result<bool> write_code(const image::RawCode& code, int depth) {
        const std::size_t index = static_cast<std::size_t>(&code - image_.raw_codes().data());
        line(depth, "raw code " + std::to_string(index) + ": " +
                        qstr_text(image_, image_.name_qstr(code)) + " (" +
                        std::string(image::code_kind_name(code.kind)) + ", file offset " +
                        std::to_string(code.file_offset) + ")");
        const int inner = depth + 1;
        std::string arguments;
        for (std::uint32_t qstr : image_.argument_name_qstrs(code)) {
            arguments += arguments.empty() ? "" : ", ";
            arguments += qstr_text(image_, qstr);
        }
        line(inner, "arguments: " + (arguments.empty() ? std::string("(none)") : arguments));
        const image::Prelude& prelude = code.prelude;
        line(inner, "prelude: n_state=" + std::to_string(prelude.n_state) +
                        " n_exc_stack=" + std::to_string(prelude.n_exc_stack) + " scope_flags=" +
                        hex(prelude.scope_flags) + " [" + scope_flag_names(prelude.scope_flags) +
                        "] n_pos_args=" + std::to_string(prelude.n_pos_args) +
                        " n_kwonly_args=" + std::to_string(prelude.n_kwonly_args) +
                        " n_def_pos_args=" + std::to_string(prelude.n_def_pos_args));
        std::string cells;
        for (std::uint8_t cell : image_.cells(code)) {
            cells += cells.empty() ? "" : ", ";
            cells += std::to_string(cell);
        }
        line(inner, "cells: " + (cells.empty() ? std::string("(none)") : cells));
        std::string lines;
        for (const image::LineEntry& entry : image_.line_entries(code)) {
            lines += lines.empty() ? "" : ", ";
            lines += std::to_string(entry.bytecode_offset) + " -> " + std::to_string(entry.line);
        }
        line(inner, "lines: " + (lines.empty() ? std::string("(none)") : lines));
        XIPY_TRY(auto instructions, decode_bytecode(image_, code));
        line(inner, "bytecode: " + std::to_string(image_.bytecode(code).size()) + " bytes");
        for (const image::Instruction& instruction : instructions) {
            std::string text = padded(std::to_string(instruction.offset), 5) + "  " +
                               std::string(instruction.info().name);
            const std::string operand = operand_text(image_, code, instruction);
            if (!operand.empty()) {
                text += ' ';
                text += operand;
            }
            line(inner + 1, text);
        }
        const auto children = image_.children(code);
        if (!children.empty()) {
            line(inner, "children: " + std::to_string(children.size()));
            for (const image::RawCode& child : children) {
                XIPY_TRY(auto done, write_code(child, inner + 1));
                (void)done;
            }
        }
        return true;
    }

    const image::Image& image_;
    std::string out_;
};

}  // namespace

support::Result<std::string> write_text(const image::Image& image) {
    return TextWriter(image).write();
}

}  // namespace xipy::disassembler
