// `xipy dis [--json] FILE.mpy`: prints the disassembly of a .mpy file.
#include <cstdio>
#include <string>

#include "cli/command.hpp"
#include "cli/file_mapping.hpp"
#include "disassembler/json_writer.hpp"
#include "disassembler/text_writer.hpp"
#include "image/image.hpp"

namespace xipy::cli {

namespace {

constexpr std::string_view dis_usage =
    "usage: xipy dis [--json] FILE.mpy\n"
    "Prints the header, qstrs, constants and every function's prelude, line table\n"
    "and instructions of a .mpy v6 file.\n"
    "  --json   print the same as one JSON document (see docs/disassembler.md)\n"
    "  --help   print this help\n";

void print_failure(const std::string& path, const support::Error& error) {
    std::fprintf(stderr, "xipy: %s: %s\n", path.c_str(), error.describe().c_str());
}

}  // namespace

int run_dis_command(std::span<const std::string_view> arguments) {
    bool json = false;
    bool options_ended = false;
    std::string path;
    bool have_path = false;
    for (std::string_view argument : arguments) {
        if (!options_ended && argument == "--help") {
            std::fputs(dis_usage.data(), stdout);
            return exit_success;
        }
        if (!options_ended && argument == "--json") {
            json = true;
        } else if (!options_ended && argument == "--") {
            options_ended = true;
        } else if (!options_ended && argument.size() > 1 && argument.front() == '-') {
            std::fprintf(stderr, "xipy dis: unknown option %.*s\n%s",
                         static_cast<int>(argument.size()), argument.data(), dis_usage.data());
            return exit_usage;
        } else if (have_path) {
            std::fprintf(stderr, "xipy dis: more than one file given\n%s", dis_usage.data());
            return exit_usage;
        } else {
            path = std::string(argument);
            have_path = true;
        }
    }
    if (!have_path) {
        std::fprintf(stderr, "xipy dis: no file given\n%s", dis_usage.data());
        return exit_usage;
    }

    auto mapping = FileMapping::open(path);
    if (!mapping) {
        print_failure(path, mapping.error());
        return exit_failure;
    }
    auto image = image::Image::load(mapping->bytes());
    if (!image) {
        print_failure(path, image.error());
        return exit_failure;
    }
    auto listing = json ? disassembler::write_json(*image) : disassembler::write_text(*image);
    if (!listing) {
        print_failure(path, listing.error());
        return exit_failure;
    }
    std::fwrite(listing->data(), 1, listing->size(), stdout);
    return std::fflush(stdout) == 0 ? exit_success : exit_failure;
}

}  // namespace xipy::cli
