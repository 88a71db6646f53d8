// Modules imported from a read-only mapped ROMFS image and from a frozen table run in place.
#include "image/romfs.hpp"
#include "modules/standard_modules.hpp"
#include "modules/vfs.hpp"
#include "vm/module_source.hpp"
#include "vm/vm.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace xipy::vm {
namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream stream(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(stream)), {});
}

void append(void* context, const char* data, std::size_t length) {
    static_cast<std::string*>(context)->append(data, length);
}

std::span<const std::uint8_t> as_bytes(const std::string& text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

// A corpus program with functions, and the reference's output of it.
struct Program {
    std::string image;
    std::string expected;
};

Program decorators() {
    const char* corpus = std::getenv("XIPY_CORPUS_DIR");
    if (corpus == nullptr) {
        return {};
    }
    return {read_file(std::filesystem::path(corpus) / "functions" / "decorators.mpy"),
            read_file(std::filesystem::path(XIPY_PROGRAMS_DIR) / "functions" / "decorators.exp")};
}

bool lies_inside(std::span<const std::uint8_t> inner, std::span<const std::uint8_t> outer) {
    return inner.data() >= outer.data() &&
           inner.data() + inner.size() <= outer.data() + outer.size();
}

VmConfig config_writing_to(std::string& output) {
    VmConfig config;
    config.modules = modules::standard_modules();
    config.write_stdout = append;
    config.write_stderr = append;
    config.output_context = &output;
    return config;
}

TEST(ModuleSources, RunsFromAReadOnlyMappedRomfsImageInPlace) {
    const Program program = decorators();
    ASSERT_FALSE(program.image.empty()) << "run `make corpus` (XIPY_CORPUS_DIR)";
    image::RomfsWriter writer;
    writer.open_directory("lib");
    writer.add_file("decorated.mpy", as_bytes(program.image));
    writer.close_directory();
    const std::vector<std::uint8_t> bytes = writer.finish();
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("xipy_romfs_" + std::to_string(getpid()));
    {
        std::ofstream file(path, std::ios::binary);
        file.write(reinterpret_cast<const char*>(bytes.data()),
                   static_cast<std::streamsize>(bytes.size()));
    }
    const int descriptor = open(path.c_str(), O_RDONLY);
    ASSERT_GE(descriptor, 0);
    void* mapped = mmap(nullptr, bytes.size(), PROT_READ, MAP_PRIVATE, descriptor, 0);
    close(descriptor);
    std::filesystem::remove(path);
    ASSERT_NE(mapped, MAP_FAILED);
    const std::span<const std::uint8_t> mapping(static_cast<const std::uint8_t*>(mapped),
                                                bytes.size());
    {
        std::string output;
        Vm vm(config_writing_to(output));
        std::string error;
        auto source = modules::make_romfs_source(mapping, error);
        ASSERT_NE(source, nullptr) << error;
        ASSERT_TRUE(vm.mount("/rom", source));
        ASSERT_TRUE(vm.add_module_path("/rom"));
        ASSERT_TRUE(vm.add_module_path("/rom/lib"));
        ASSERT_EQ(vm.run_module("decorated"), RunStatus::ok) << output;
        EXPECT_EQ(output, program.expected);
        // The module's code (its functions' bytecode included) is read from the mapping:
        // writing to it would fault, so nothing ran from a copy.
        const auto images = vm.loaded_images();
        ASSERT_EQ(images.size(), 1u);
        EXPECT_TRUE(lies_inside(images[0], mapping));
    }
    munmap(mapped, bytes.size());
}

TEST(ModuleSources, FrozenModulesRunFromTheHostsArray) {
    const Program program = decorators();
    ASSERT_FALSE(program.image.empty()) << "run `make corpus` (XIPY_CORPUS_DIR)";
    const FrozenModule table[] = {{"pkg/decorated.mpy", as_bytes(program.image)}};
    std::string output;
    Vm vm(config_writing_to(output));
    ASSERT_TRUE(vm.mount(frozen_path_entry, make_frozen_source(table)));
    ASSERT_TRUE(vm.add_module_path(frozen_path_entry));
    ASSERT_EQ(vm.run_module("pkg.decorated"), RunStatus::ok) << output;
    EXPECT_EQ(output, program.expected);
    const auto images = vm.loaded_images();
    ASSERT_EQ(images.size(), 1u);
    EXPECT_EQ(images[0].data(), as_bytes(program.image).data());
}

TEST(ModuleSources, MissingModuleIsAnImportError) {
    std::string output;
    Vm vm(config_writing_to(output));
    ASSERT_EQ(vm.run_module("nowhere"), RunStatus::exception);
    EXPECT_EQ(vm.exception_type_name(), "ImportError");
    EXPECT_EQ(vm.exception_message(), "no module named 'nowhere'");
}

TEST(ModuleSources, CorruptImagesAreRefusedWithTheirReason) {
    image::RomfsWriter writer;
    writer.open_directory("lib");
    writer.add_file("a.mpy", as_bytes("not really bytecode"));
    writer.close_directory();
    const std::vector<std::uint8_t> bytes = writer.finish();
    std::string error;
    EXPECT_EQ(modules::make_romfs_source(std::span(bytes).first(5), error), nullptr);
    EXPECT_NE(error.find("corrupt ROMFS image"), std::string::npos) << error;
    // Every flipped bit leaves lookups inside the buffer: found files lie within it.
    for (std::size_t index = 0; index < bytes.size(); ++index) {
        for (int bit = 0; bit < 8; ++bit) {
            std::vector<std::uint8_t> copy = bytes;
            copy[index] ^= static_cast<std::uint8_t>(1 << bit);
            auto image = image::RomfsImage::open(copy);
            if (!image) {
                continue;
            }
            auto found = image->find("lib/a.mpy");
            if (found && found->kind == image::RomfsEntryKind::file) {
                EXPECT_TRUE(lies_inside(found->bytes, copy));
            }
            auto listed = image->list(image->top());
            (void)listed;
        }
    }
}

}  // namespace
}  // namespace xipy::vm
