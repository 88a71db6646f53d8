// `xipy romfs build|ls|extract`: ROMFS images in MicroPython's format, made and read on a host.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/file_mapping.hpp"
#include "compiler/compile.hpp"
#include "image/romfs.hpp"

namespace xipy::cli {

namespace {

constexpr std::string_view romfs_usage =
    "usage: xipy romfs build [--no-mpy] SRC_DIR [-o IMAGE]\n"
    "       xipy romfs ls IMAGE\n"
    "       xipy romfs extract IMAGE DIR\n"
    "build packs the folder SRC_DIR into a ROMFS image (MicroPython's format, as\n"
    "`mpremote romfs build` writes it), written to IMAGE (default: SRC_DIR.romfs). Each\n"
    "NAME.py without a NAME.mpy beside it is compiled, as mpy-cross would (its source name\n"
    "is SRC_DIR/PATH), and stored as NAME.mpy; --no-mpy stores .py files as they are. Other\n"
    "files are stored as they are. ls lists an image's tree with file sizes; extract writes\n"
    "its files under DIR. Mount an image with `xipy run --romfs IMAGE`.\n"
    "  --help    print this help\n";

int usage_error(const std::string& reason) {
    std::fprintf(stderr, "xipy romfs: %s\n%s", reason.c_str(), romfs_usage.data());
    return exit_usage;
}

// Adds the folder's entries in name order, as MicroPython's writer does, so both tools make
// the same image from the same folder. With `compile`, a .py file that has no .mpy beside it
// is stored compiled, under the .mpy name, where the .py would have been.
bool add_folder(image::RomfsWriter& writer, const std::filesystem::path& folder, bool compile) {
    std::vector<std::filesystem::path> entries;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        entries.push_back(entry.path());
    }
    if (error) {
        std::fprintf(stderr, "xipy romfs: %s: %s\n", folder.c_str(), error.message().c_str());
        return false;
    }
    std::sort(entries.begin(), entries.end());
    for (const auto& entry : entries) {
        const std::string name = entry.filename().string();
        if (std::filesystem::is_directory(entry)) {
            writer.open_directory(name);
            if (!add_folder(writer, entry, compile)) {
                return false;
            }
            writer.close_directory();
            continue;
        }
        std::ifstream file(entry, std::ios::binary);
        std::vector<std::uint8_t> contents((std::istreambuf_iterator<char>(file)),
                                           std::istreambuf_iterator<char>());
        if (!file.good() && !file.eof()) {
            std::fprintf(stderr, "xipy romfs: cannot read %s\n", entry.c_str());
            return false;
        }
        std::filesystem::path compiled_name = entry;
        compiled_name.replace_extension(".mpy");
        if (compile && entry.extension() == ".py" && !std::filesystem::exists(compiled_name)) {
            const std::string source(contents.begin(), contents.end());
            compiler::CompileResult compiled = compiler::compile_source(source, entry.string());
            if (!compiled.ok()) {
                const compiler::CompileError& error = compiled.error();
                std::fprintf(stderr, "xipy romfs: %s:%zu: %s: %s\n", entry.c_str(), error.line,
                             std::string(compiler::compile_error_type(error.kind)).c_str(),
                             error.message.c_str());
                return false;
            }
            writer.add_file(compiled_name.filename().string(), compiled.image());
            continue;
        }
        writer.add_file(name, contents);
    }
    return true;
}

int build(std::span<const std::string_view> arguments) {
    std::string source;
    std::string output;
    bool compile = true;
    for (std::size_t index = 0; index < arguments.size(); ++index) {
        if (arguments[index] == "--no-mpy") {
            compile = false;
        } else if (arguments[index] == "--mpy") {
            compile = true;
        } else if (arguments[index] == "-o" || arguments[index] == "--output") {
            if (index + 1 == arguments.size()) {
                return usage_error("-o needs a file name");
            }
            output = arguments[++index];
        } else if (source.empty()) {
            source = arguments[index];
        } else {
            return usage_error("unexpected argument " + std::string(arguments[index]));
        }
    }
    if (source.empty()) {
        return usage_error("no source folder given");
    }
    while (source.size() > 1 && source.back() == '/') {
        source.pop_back();
    }
    if (!std::filesystem::is_directory(source)) {
        std::fprintf(stderr, "xipy romfs: %s: not a directory\n", source.c_str());
        return exit_usage;
    }
    if (output.empty()) {
        output = source + ".romfs";
    }
    image::RomfsWriter writer;
    if (!add_folder(writer, source, compile)) {
        return exit_failure;
    }
    const std::vector<std::uint8_t> bytes = writer.finish();
    std::ofstream file(output, std::ios::binary);
    file.write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
    if (!file) {
        std::fprintf(stderr, "xipy romfs: cannot write %s\n", output.c_str());
        return exit_failure;
    }
    std::printf("wrote %zu bytes to %s\n", bytes.size(), output.c_str());
    return exit_success;
}

// Walks a directory's records depth first, calling `visit(path, entry)` for each entry.
template <typename Visit>
bool walk(const image::RomfsImage& image, std::span<const std::uint8_t> directory,
          const std::string& prefix, Visit&& visit) {
    auto entries = image.list(directory);
    if (!entries) {
        std::fprintf(stderr, "xipy romfs: %s\n", entries.error().describe().c_str());
        return false;
    }
    for (const image::RomfsEntry& entry : *entries) {
        const std::string path = prefix + std::string(entry.name);
        if (!visit(path, entry)) {
            return false;
        }
        if (entry.kind == image::RomfsEntryKind::directory &&
            !walk(image, entry.bytes, path + "/", visit)) {
            return false;
        }
    }
    return true;
}

int list_or_extract(std::span<const std::string_view> arguments, bool extract) {
    if (arguments.size() != (extract ? 2u : 1u)) {
        return usage_error(extract ? "extract needs IMAGE and DIR" : "ls needs IMAGE");
    }
    const std::string path(arguments[0]);
    auto mapping = FileMapping::open(path);
    if (!mapping) {
        std::fprintf(stderr, "xipy romfs: %s: %s\n", path.c_str(),
                     mapping.error().describe().c_str());
        return exit_usage;
    }
    auto image = image::RomfsImage::open(mapping->bytes());
    if (!image) {
        std::fprintf(stderr, "xipy romfs: %s: %s\n", path.c_str(),
                     image.error().describe().c_str());
        return exit_failure;
    }
    const std::filesystem::path target = extract ? std::filesystem::path(arguments[1]) : "";
    const bool ok = walk(
        *image, image->top(), "", [&](const std::string& name, const image::RomfsEntry& entry) {
            const bool directory = entry.kind == image::RomfsEntryKind::directory;
            if (!extract) {
                if (directory) {
                    std::printf("%s/\n", name.c_str());
                } else {
                    std::printf("%s %zu\n", name.c_str(), entry.bytes.size());
                }
                return true;
            }
            // Names come from the image: refuse any that would climb out of the target folder.
            const std::string wrapped = "/" + name + "/";
            if (name.empty() || name.front() == '/' || wrapped.find("/../") != std::string::npos) {
                std::fprintf(stderr, "xipy romfs: refusing entry %s\n", name.c_str());
                return false;
            }
            std::error_code error;
            if (directory) {
                std::filesystem::create_directories(target / name, error);
                return !error;
            }
            std::filesystem::create_directories((target / name).parent_path(), error);
            std::ofstream file(target / name, std::ios::binary);
            file.write(reinterpret_cast<const char*>(entry.bytes.data()),
                       static_cast<std::streamsize>(entry.bytes.size()));
            return static_cast<bool>(file);
        });
    return ok ? exit_success : exit_failure;
}

}  // namespace

int run_romfs_command(std::span<const std::string_view> arguments) {
    if (arguments.empty()) {
        return usage_error("no subcommand given");
    }
    const std::string_view subcommand = arguments[0];
    if (subcommand == "--help" || subcommand == "-h") {
        std::fputs(romfs_usage.data(), stdout);
        return exit_success;
    }
    if (subcommand == "build") {
        return build(arguments.subspan(1));
    }
    if (subcommand == "ls") {
        return list_or_extract(arguments.subspan(1), false);
    }
    if (subcommand == "extract") {
        return list_or_extract(arguments.subspan(1), true);
    }
    return usage_error("unknown subcommand " + std::string(subcommand));
}

}  // namespace xipy::cli
