// libFuzzer target: any bytes as Python source through the compiler's lexer, parser and dump.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "compiler/parser.hpp"

// Every input must parse or fail with an error, never crash, hang, overflow the stack or
// trip a sanitizer. The rule depth is kept low so the dump of a deep tree (whose
// indentation grows with depth) stays quick.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view source(reinterpret_cast<const char*>(data), size);
    xipy::compiler::ParseOptions options;
    options.memory_limit = std::size_t{16} << 20;
    options.max_rule_depth = 20000;
    xipy::compiler::ParseResult result = xipy::compiler::parse(source, options);
    if (result.ok()) {
        auto dump = xipy::compiler::dump_parse_tree(result.tree());
        if (dump.empty()) {
            __builtin_trap();
        }
    } else if (result.error().message.empty()) {
        __builtin_trap();
    }
    return 0;
}
