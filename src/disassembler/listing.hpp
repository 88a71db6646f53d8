// Decodes a raw code's whole bytecode and names instruction operands for the listings.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "image/image.hpp"
#include "image/instruction.hpp"
#include "support/result.hpp"

namespace xipy::disassembler {

// Every instruction of `code`, in order, starting at bytecode offset 0; each
// one starts where the previous one ended. Errors carry the FILE offset of
// the failing instruction and the code's name.
support::Result<std::vector<image::Instruction>> decode_bytecode(const image::Image& image,
                                                                 const image::RawCode& code);

// The text of qstr `index`, or "<qstr N out of range>" for a bad index:
// the disassembler shows unverified bytecode, so it must not trust indices.
std::string qstr_text(const image::Image& image, std::uint32_t index);

// The name of child `index` of `code`, or "<child N out of range>".
std::string child_name(const image::Image& image, const image::RawCode& code, std::uint32_t index);

// repr() of constant `index`, or "<constant N out of range>".
std::string constant_text(const image::Image& image, std::uint32_t index);

// The operand as the text listing shows it after the opcode name, e.g.
// "'abc'", "-> 12", "27 __add__", "child 0 f"; "" for no operand.
std::string operand_text(const image::Image& image, const image::RawCode& code,
                         const image::Instruction& instruction);

}  // namespace xipy::disassembler
