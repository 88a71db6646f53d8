// compiler_round_trip: rebuilds each given .mpy through the compiler's emitter and writer and reports where it differs.
//
// Usage: compiler_round_trip [--write DIR] FILE.mpy...
// One line per file: "identical FILE", "differs FILE at OFFSET: CAUSE", "unverified FILE:
// REASON" (the rewritten file fails xipy's verifier) or "skipped FILE: REASON" (the original
// does not load or verify), then "identical N of M". Exit status 0, or 3 when a rewritten file
// fails the verifier, which is a bug whatever the bytes (1 is left to the sanitizers).
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "compiler/image_replay.hpp"
#include "compiler/mpy_writer.hpp"
#include "image/image.hpp"
#include "image/verifier.hpp"

namespace {

using namespace xipy;

std::vector<std::uint8_t> read_file(const std::string& path, bool& ok) {
    std::ifstream input(path, std::ios::binary);
    ok = static_cast<bool>(input);
    return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(input), {});
}

bool same(std::span<const std::uint8_t> first, std::span<const std::uint8_t> second) {
    return first.size() == second.size() && std::equal(first.begin(), first.end(), second.begin());
}

// Names the first part of the module that differs, raw code by raw code in file order.
std::string cause(const image::Image& original, const image::Image& rewritten) {
    if (original.qstr_count() != rewritten.qstr_count()) {
        return "qstr table";
    }
    if (original.constants().size() != rewritten.constants().size()) {
        return "constant table";
    }
    if (original.raw_codes().size() != rewritten.raw_codes().size()) {
        return "raw code count";
    }
    for (std::size_t index = 0; index < original.raw_codes().size(); ++index) {
        const image::RawCode& first = original.raw_codes()[index];
        const image::RawCode& second = rewritten.raw_codes()[index];
        if (same(original.function_data(first), rewritten.function_data(second))) {
            continue;
        }
        const std::string where = " of " + std::string(original.qstr(original.name_qstr(first)));
        if (first.prelude.n_state != second.prelude.n_state) {
            return "n_state " + std::to_string(second.prelude.n_state) + " for " +
                   std::to_string(first.prelude.n_state) + where;
        }
        if (first.prelude.n_exc_stack != second.prelude.n_exc_stack) {
            return "n_exc_stack" + where;
        }
        if (!same(original.line_table(first), rewritten.line_table(second))) {
            return "line table" + where;
        }
        if (!same(original.bytecode(first), rewritten.bytecode(second))) {
            return original.bytecode(first).size() != rewritten.bytecode(second).size() ? "bytecode size" + where
                                                                    : "bytecode" + where;
        }
        return "prelude" + where;
    }
    for (std::size_t index = 0; index < original.constants().size(); ++index) {
        if (original.constants()[index].kind != rewritten.constants()[index].kind) {
            return "constant table";
        }
    }
    return "tables or children";
}

}  // namespace

int main(int argc, char** argv) {
    std::string write_directory;
    std::vector<std::string> files;
    for (int index = 1; index < argc; ++index) {
        const std::string argument = argv[index];
        if (argument == "--write" && index + 1 < argc) {
            write_directory = argv[++index];
        } else {
            files.push_back(argument);
        }
    }
    std::size_t identical = 0;
    std::size_t compared = 0;
    bool verifier_failed = false;
    for (const std::string& path : files) {
        bool read_ok = false;
        const std::vector<std::uint8_t> bytes = read_file(path, read_ok);
        auto original = image::Image::load(bytes);
        if (!read_ok || !original.ok()) {
            std::printf("skipped %s: %s\n", path.c_str(),
                        read_ok ? original.error().message.c_str() : "unreadable");
            continue;
        }
        if (auto verified = image::verify(original.value()); !verified.ok()) {
            std::printf("skipped %s: %s\n", path.c_str(), verified.error().message.c_str());
            continue;
        }
        ++compared;
        auto module = compiler::replay_image(original.value());
        if (!module.ok()) {
            std::printf("differs %s at 0: replay failed: %s\n", path.c_str(),
                        module.error().message.c_str());
            continue;
        }
        auto written = compiler::write_mpy(module.value());
        if (!written.ok()) {
            std::printf("differs %s at 0: write failed: %s\n", path.c_str(),
                        written.error().message.c_str());
            continue;
        }
        const compiler::Vector<std::uint8_t>& output = written.value();
        if (!write_directory.empty()) {
            const std::size_t slash = path.find_last_of('/');
            std::ofstream out(write_directory + "/" + path.substr(slash + 1), std::ios::binary);
            out.write(reinterpret_cast<const char*>(output.data()),
                      static_cast<std::streamsize>(output.size()));
        }
        auto rewritten = image::Image::load(output);
        if (!rewritten.ok()) {
            std::printf("unverified %s: %s\n", path.c_str(), rewritten.error().message.c_str());
            verifier_failed = true;
            continue;
        }
        if (auto verified = image::verify(rewritten.value()); !verified.ok()) {
            std::printf("unverified %s: %s\n", path.c_str(), verified.error().message.c_str());
            verifier_failed = true;
            continue;
        }
        const std::span<const std::uint8_t> expected(bytes.data(), original->end_offset());
        if (same(expected, output)) {
            ++identical;
            std::printf("identical %s\n", path.c_str());
            continue;
        }
        std::size_t offset = 0;
        while (offset < expected.size() && offset < output.size() &&
               expected[offset] == output[offset]) {
            ++offset;
        }
        std::printf("differs %s at %zu: %s\n", path.c_str(), offset,
                    cause(original.value(), rewritten.value()).c_str());
    }
    std::printf("identical %zu of %zu\n", identical, compared);
    return verifier_failed ? 3 : 0;
}
