// Frozen modules and ROMFS images through the C API: a host's arrays import in place.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "xipy/pyexec.h"
#include "xipy/xipy.h"

namespace {

// XIPY_API_MPY_DIR and XIPY_API_EXPECTED_DIR come from tests/api/CMakeLists.txt.
std::vector<std::uint8_t> read_bytes(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    EXPECT_TRUE(file.good()) << "cannot open " << path;
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

std::vector<std::uint8_t> program(const std::string& name) {
    return read_bytes(std::string(XIPY_API_MPY_DIR) + "/" + name + ".mpy");
}

// frozen_main.exp is the reference's output of `micropython -m frozen_main` with
// frozen_helper.mpy and frozen_package/__init__.mpy beside it.
std::string expected(const std::string& name) {
    const auto bytes = read_bytes(std::string(XIPY_API_EXPECTED_DIR) + "/" + name);
    return std::string(bytes.begin(), bytes.end());
}

void append(void* context, const char* data, size_t length) {
    static_cast<std::string*>(context)->append(data, length);
}

// The defaults, with stdout and stderr appended to `output`.
xipy_config config_writing_to(std::string& output) {
    xipy_config config;
    xipy_config_init(&config);
    config.write_stdout = append;
    config.write_stderr = append;
    config.output_context = &output;
    return config;
}

TEST(ModuleSources, FrozenModulesImportThroughTheCApi) {
    const auto main = program("frozen_main");
    const auto helper = program("frozen_helper");
    const auto package = program("frozen_package");
    const xipy_frozen_module table[] = {
        {"frozen_helper.mpy", helper.data(), helper.size()},
        {"frozen_package/__init__.mpy", package.data(), package.size()},
    };
    std::string output;
    const xipy_config config = config_writing_to(output);
    xipy_vm* vm = nullptr;
    ASSERT_EQ(xipy_vm_create(&config, &vm), XIPY_OK);
    ASSERT_EQ(xipy_vm_add_frozen_modules(vm, table, 2), XIPY_OK);
    ASSERT_EQ(xipy_vm_run_mpy(vm, main.data(), main.size()), XIPY_OK) << output;
    EXPECT_EQ(output, expected("frozen_main.exp"));
    xipy_vm_destroy(vm);
}

TEST(ModuleSources, LoadFromMemRunSeesFrozenModules) {
    const auto main = program("frozen_main");
    const auto helper = program("frozen_helper");
    const auto package = program("frozen_package");
    const xipy_frozen_module table[] = {
        {"frozen_helper.mpy", helper.data(), helper.size()},
        {"frozen_package/__init__.mpy", package.data(), package.size()},
    };
    testing::internal::CaptureStdout();
    const int status = load_from_mem_run_frozen(main.data(), main.size(), table, 2);
    const std::string output = testing::internal::GetCapturedStdout();
    EXPECT_EQ(status, XIPY_PYEXEC_OK);
    EXPECT_EQ(output, expected("frozen_main.exp"));
    // Without the table the import fails as MicroPython's does.
    testing::internal::CaptureStderr();
    EXPECT_EQ(load_from_mem_run(main.data(), main.size()), XIPY_PYEXEC_EXCEPTION);
    const std::string report = testing::internal::GetCapturedStderr();
    EXPECT_NE(report.find("ImportError: no module named 'frozen_helper'"), std::string::npos)
        << report;
}

TEST(ModuleSources, CorruptRomfsImageIsRefusedWithItsReason) {
    const std::uint8_t image[] = {0xD2, 0xCD, 0x31, 0x40, 0x05};
    xipy_vm* vm = nullptr;
    ASSERT_EQ(xipy_vm_create(nullptr, &vm), XIPY_OK);
    EXPECT_EQ(xipy_vm_mount_romfs(vm, image, sizeof image, "/rom"), XIPY_BAD_IMAGE);
    EXPECT_NE(std::string(xipy_vm_load_error(vm)).find("corrupt ROMFS image"), std::string::npos)
        << xipy_vm_load_error(vm);
    xipy_vm_destroy(vm);
}

TEST(ModuleSources, MountingAnImageLeavesTheSysModuleUnmade) {
    // An empty image: the header and a payload of length 0.
    const std::uint8_t image[] = {0xD2, 0xCD, 0x31, 0x00};
    std::string output;
    const xipy_config config = config_writing_to(output);
    xipy_vm* vm = nullptr;
    ASSERT_EQ(xipy_vm_create(&config, &vm), XIPY_OK);
    xipy_heap_statistics before;
    xipy_heap_statistics after;
    ASSERT_EQ(xipy_vm_heap_statistics(vm, &before), XIPY_OK);
    ASSERT_EQ(xipy_vm_mount_romfs(vm, image, sizeof image, "/rom"), XIPY_OK);
    ASSERT_EQ(xipy_vm_heap_statistics(vm, &after), XIPY_OK);
    // The sys module takes about 4 KB of heap; the mount and its two sys.path entries, a few
    // hundred bytes, so a board that never imports sys does not pay for it.
    EXPECT_LT(after.bytes_in_use - before.bytes_in_use, 1024u);
    // Made when a program imports it, sys.path holds what the mount added.
    const char source[] = "import sys\nprint(sys.path)\n";
    ASSERT_EQ(xipy_vm_run_source(vm, source, sizeof source - 1, "<string>", XIPY_SOURCE_FILE),
              XIPY_OK)
        << output;
    EXPECT_EQ(output, "['/rom', '/rom/lib']\n");
    xipy_vm_destroy(vm);
}

}  // namespace
