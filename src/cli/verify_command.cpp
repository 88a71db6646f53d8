// `xipy verify FILE.mpy`: loads and verifies a .mpy file, prints `ok` or why it is rejected.
#include <cstdio>
#include <string>

#include "cli/command.hpp"
#include "cli/file_mapping.hpp"
#include "image/image.hpp"
#include "image/verifier.hpp"

namespace xipy::cli {

namespace {

constexpr std::string_view verify_usage =
    "usage: xipy verify FILE.mpy\n"
    "Loads a .mpy v6 file and verifies every function's bytecode as a VM would before\n"
    "running it. Prints `ok` and exits 0, or prints the reason and exits 1.\n"
    "  --help   print this help\n";

}  // namespace

int run_verify_command(std::span<const std::string_view> arguments) {
    std::string path;
    bool have_path = false;
    bool options_ended = false;
    for (std::string_view argument : arguments) {
        if (!options_ended && argument == "--help") {
            std::fputs(verify_usage.data(), stdout);
            return exit_success;
        }
        if (!options_ended && argument == "--") {
            options_ended = true;
        } else if (!options_ended && argument.size() > 1 && argument.front() == '-') {
            std::fprintf(stderr, "xipy verify: unknown option %.*s\n%s",
                         static_cast<int>(argument.size()), argument.data(), verify_usage.data());
            return exit_usage;
        } else if (have_path) {
            std::fprintf(stderr, "xipy verify: more than one file given\n%s", verify_usage.data());
            return exit_usage;
        } else {
            path = std::string(argument);
            have_path = true;
        }
    }
    if (!have_path) {
        std::fprintf(stderr, "xipy verify: no file given\n%s", verify_usage.data());
        return exit_usage;
    }

    auto mapping = FileMapping::open(path);
    if (!mapping) {
        std::fprintf(stderr, "xipy: %s: %s\n", path.c_str(), mapping.error().describe().c_str());
        return exit_failure;
    }
    auto image = image::Image::load(mapping->bytes());
    if (!image) {
        // The loader's reasons name a file offset; the verifier's name the code and offset.
        std::printf("invalid .mpy: %s\n", image.error().describe().c_str());
        return exit_failure;
    }
    auto verified = image::verify(*image);
    if (!verified) {
        std::printf("%s\n", verified.error().message.c_str());
        return exit_failure;
    }
    std::puts("ok");
    return std::fflush(stdout) == 0 ? exit_success : exit_failure;
}

}  // namespace xipy::cli
