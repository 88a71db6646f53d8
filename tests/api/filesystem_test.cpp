// The filesystem grant: a VM reaches files inside its granted directory and nothing outside.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "xipy/xipy.hpp"

namespace {

namespace fs = std::filesystem;

// XIPY_API_MPY_DIR comes from tests/api/CMakeLists.txt.
std::vector<std::uint8_t> program(const std::string& name) {
    std::ifstream file(std::string(XIPY_API_MPY_DIR) + "/" + name + ".mpy", std::ios::binary);
    EXPECT_TRUE(file.good()) << "cannot open " << name;
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

void write_file(const fs::path& path, std::string_view text) {
    std::ofstream(path, std::ios::binary) << text;
}

// A fresh directory tree, removed again at the end of the test:
//     outside.txt                  "secret": the file the program must not reach
//     root/                        the directory granted to the VM
//         inside.txt, victim.txt, sub/nested.txt
//         inner_link -> inside.txt (stays inside)
//         escape -> <top>/outside.txt (absolute, leads out)
//         escape_dir -> .. (relative, leads out)
//         escape_write -> <top>/new.txt (missing, leads out)
//         fifo                     a named pipe (never opened)
class FilesystemTest : public testing::Test {
  protected:
    void SetUp() override {
        const auto* info = testing::UnitTest::GetInstance()->current_test_info();
        // A random suffix keeps builds that run the tests at the same time apart.
        top_ = fs::temp_directory_path() / ("xipy_fs_" + std::string(info->name()) + "_" +
                                            std::to_string(std::random_device{}()));
        fs::remove_all(top_);
        root_ = top_ / "root";
        fs::create_directories(root_ / "sub");
        write_file(top_ / "outside.txt", "secret\n");
        write_file(root_ / "inside.txt", "hello\n");
        write_file(root_ / "victim.txt", "bye\n");
        write_file(root_ / "sub" / "nested.txt", "nested\n");
        fs::create_symlink("inside.txt", root_ / "inner_link");
        fs::create_symlink(top_ / "outside.txt", root_ / "escape");
        fs::create_directory_symlink("..", root_ / "escape_dir");
        fs::create_symlink(top_ / "new.txt", root_ / "escape_write");
        // A FIFO with no writer: opening it would block the VM for good.
        ::mkfifo((root_ / "fifo").c_str(), 0600);
    }

    void TearDown() override { fs::remove_all(top_); }

    // Runs the filesystem program with `root` granted (read-write when `writable`) and returns
    // its output.
    std::string run(const std::string& root, bool writable = true) {
        std::string output;
        xipy::VmOptions options;
        options.on_stdout = [&output](std::string_view text) { output.append(text); };
        options.on_stderr = [&output](std::string_view text) { output.append(text); };
        options.argv = {"filesystem.py", (top_ / "outside.txt").string()};
        options.filesystem_root = root;
        options.allow_filesystem_write = writable;
        xipy::Vm vm(std::move(options));
        EXPECT_TRUE(vm.valid());
        const auto image = program("filesystem");
        EXPECT_EQ(vm.run(image).status, XIPY_OK) << output;
        return output;
    }

    fs::path top_;
    fs::path root_;
};

TEST_F(FilesystemTest, ReadsInsideAndRefusesEveryEscape) {
    EXPECT_EQ(run(root_.string()),
              "read inside ok hello\n"
              "read nested ok nested\n"
              "read rooted ok hello\n"
              "read inner link ok hello\n"
              "read parent OSError 13\n"
              "read deep parent OSError 13\n"
              "read host path OSError 2\n"
              "read symlink OSError 13\n"
              "read via dir link OSError 13\n"
              "read missing via dir link OSError 13\n"
              "read missing OSError 2\n"
              "read nul OSError 22\n"
              "listdir root ok ['escape', 'escape_dir', 'escape_write', 'fifo', 'inner_link', 'inside.txt', "
              "'sub', 'victim.txt']\n"
              "listdir slash ok ['escape', 'escape_dir', 'escape_write', 'fifo', 'inner_link', 'inside.txt', "
              "'sub', 'victim.txt']\n"
              "listdir parent OSError 13\n"
              "listdir dir link OSError 13\n"
              "stat inside ok 6\n"
              "stat parent OSError 13\n"
              "stat symlink OSError 13\n"
              "remove parent OSError 13\n"
              "remove via dir link OSError 13\n"
              "remove link ok None\n"
              "remove inside ok None\n"
              "remove root OSError 21\n"
              "getcwd ok /\n"
              "write new ok 3\n"
              "write parent OSError 13\n"
              "write symlink OSError 2\n"
              "write via dir link OSError 13\n"
              "append inside ok 1\n"
              "update inside ok 1\n"
              "rename inside ok None\n"
              "rename out OSError 13\n"
              "mkdir new ok None\n"
              "rmdir sub OSError 39\n"
              "read fifo OSError 1\n"
              "write fifo OSError 1\n"
              "after Hello\n!x\n\n");
    // The refused removals left the outside file alone; removing the symlink removed only it.
    EXPECT_TRUE(fs::exists(top_ / "outside.txt"));
    EXPECT_FALSE(fs::exists(fs::symlink_status(root_ / "escape")));
    EXPECT_FALSE(fs::exists(root_ / "victim.txt"));
    EXPECT_FALSE(fs::exists(root_ / "inside.txt"));
    EXPECT_TRUE(fs::exists(root_ / "renamed.txt"));
    EXPECT_TRUE(fs::is_directory(root_ / "made"));
    EXPECT_FALSE(fs::exists(top_ / "new.txt"));
}

// The grant may be given by any path to the directory, itself through a symlink.
TEST_F(FilesystemTest, RootGivenThroughSymlinkIsResolved) {
    fs::create_directory_symlink(root_, top_ / "root_link");
    const std::string output = run((top_ / "root_link" / "sub" / "..").string());
    EXPECT_NE(output.find("read inside ok hello\n"), std::string::npos) << output;
    EXPECT_NE(output.find("read symlink OSError 13\n"), std::string::npos) << output;
    EXPECT_NE(output.find("listdir parent OSError 13\n"), std::string::npos) << output;
}

// A read-only root is read as a writable one is, but every change is refused with EPERM before
// the host is asked, and the tree stays as it was.
TEST_F(FilesystemTest, ReadOnlyRootRefusesEveryChange) {
    const std::string output = run(root_.string(), false);
    for (const char* line :
         {"read inside ok hello\n", "listdir parent OSError 13\n", "remove link OSError 1\n",
          "remove inside OSError 1\n", "write new OSError 1\n", "append inside OSError 1\n",
          "update inside OSError 1\n", "rename inside OSError 1\n", "mkdir new OSError 1\n",
          "rmdir sub OSError 1\n", "read fifo OSError 1\n"}) {
        EXPECT_NE(output.find(line), std::string::npos) << line << output;
    }
    EXPECT_TRUE(fs::exists(fs::symlink_status(root_ / "escape")));
    EXPECT_TRUE(fs::exists(root_ / "victim.txt"));
    EXPECT_TRUE(fs::exists(root_ / "sub"));
    EXPECT_FALSE(fs::exists(root_ / "new.txt"));
    EXPECT_FALSE(fs::exists(root_ / "made"));
}

TEST_F(FilesystemTest, NoRootMeansNoFilesystem) {
    const std::string output = run("");
    EXPECT_NE(output.find("read inside OSError 1\n"), std::string::npos) << output;
    EXPECT_NE(output.find("listdir root OSError 1\n"), std::string::npos) << output;
    EXPECT_NE(output.find("remove link OSError 1\n"), std::string::npos) << output;
    EXPECT_NE(output.find("getcwd OSError 1\n"), std::string::npos) << output;
    EXPECT_TRUE(fs::exists(fs::symlink_status(root_ / "escape")));
}

TEST_F(FilesystemTest, RootThatIsNoDirectoryIsInvalid) {
    for (const fs::path& root : {top_ / "missing", root_ / "inside.txt"}) {
        xipy_config config;
        xipy_config_init(&config);
        EXPECT_EQ(config.filesystem_root, nullptr);
        const std::string text = root.string();
        config.filesystem_root = text.c_str();
        xipy_vm* vm = nullptr;
        EXPECT_EQ(xipy_vm_create(&config, &vm), XIPY_INVALID_ARGUMENT) << text;
        EXPECT_EQ(vm, nullptr);
    }
}

}  // namespace
