// Decodes a raw code's whole bytecode and names instruction operands for the listings.
#include "disassembler/listing.hpp"

#include "disassembler/python_repr.hpp"

namespace xipy::disassembler {

support::Result<std::vector<image::Instruction>> decode_bytecode(const image::Image& image,
                                                                 const image::RawCode& code) {
    std::vector<image::Instruction> instructions;
    if (code.kind != image::CodeKind::bytecode) {
        return instructions;
    }
    std::uint32_t offset = 0;
    while (offset < image.bytecode(code).size()) {
        auto decoded = image::decode_instruction(image.bytecode(code), offset);
        if (!decoded) {
            // Bytecode offsets mean little to a user holding a file, so the
            // error is moved to the file offset and names the function.
            const support::Error& error = decoded.error();
            return support::make_error(
                code.bytecode_file_offset + error.offset,
                std::string(error.message) + " in " + qstr_text(image, image.name_qstr(code)) +
                    " (bytecode offset " + std::to_string(error.offset) + ")");
        }
        offset = decoded->end();
        instructions.push_back(*decoded);
    }
    return instructions;
}

std::string qstr_text(const image::Image& image, std::uint32_t index) {
    if (index >= image.qstr_count()) {
        return "<qstr " + std::to_string(index) + " out of range>";
    }
    return std::string(image.qstr(index));
}

std::string child_name(const image::Image& image, const image::RawCode& code, std::uint32_t index) {
    const auto children = image.children(code);
    if (index >= children.size()) {
        return "<child " + std::to_string(index) + " out of range>";
    }
    return qstr_text(image, image.name_qstr(children[index]));
}

std::string constant_text(const image::Image& image, std::uint32_t index) {
    const auto constants = image.constants();
    if (index >= constants.size()) {
        return "<constant " + std::to_string(index) + " out of range>";
    }
    return constant_repr(image, constants[index]);
}

std::string operand_text(const image::Image& image, const image::RawCode& code,
                         const image::Instruction& instruction) {
    using image::OperandFormat;
    const image::OpcodeInfo& info = instruction.info();
    const auto number = [](auto value) { return std::to_string(value); };
    switch (info.format) {
        case OperandFormat::none:
            return "";
        case OperandFormat::qstr:
            if (instruction.opcode == static_cast<std::uint8_t>(image::Opcode::LOAD_CONST_STRING) &&
                instruction.operand < image.qstr_count()) {
                return string_repr(image.qstr(instruction.operand));
            }
            return qstr_text(image, instruction.operand);
        case OperandFormat::var_uint:
            if (info.stack_rule == image::StackRule::call) {
                return number(instruction.operand & 0xff) + " positional, " +
                       number((instruction.operand >> 8) & 0xff) + " keyword";
            }
            return number(instruction.operand);
        case OperandFormat::signed_var_int:
        case OperandFormat::implied_small_int:
            return number(instruction.small_int);
        case OperandFormat::constant_index:
            return "#" + number(instruction.operand) + " " +
                   constant_text(image, instruction.operand);
        case OperandFormat::child_index: {
            std::string text = "child " + number(instruction.operand) + " " +
                               child_name(image, code, instruction.operand);
            if (info.has_extra_byte) {
                text += ", " + number(instruction.extra_byte) + " closed over";
            }
            return text;
        }
        case OperandFormat::jump_signed:
        case OperandFormat::jump_unsigned: {
            std::string text = "-> " + number(instruction.jump_target);
            if (info.has_extra_byte) {
                text += ", unwind " + number(instruction.extra_byte & 0x7f);
                if ((instruction.extra_byte & 0x80) != 0) {
                    text += " and pop iterator";
                }
            }
            return text;
        }
        case OperandFormat::implied_local:
            return number(instruction.operand);
        case OperandFormat::implied_unary_operator:
            return number(instruction.operand) + " " +
                   std::string(image::unary_operator_name(instruction.operand));
        case OperandFormat::implied_binary_operator:
            return number(instruction.operand) + " " +
                   std::string(image::binary_operator_name(instruction.operand));
    }
    return "";
}

}  // namespace xipy::disassembler
