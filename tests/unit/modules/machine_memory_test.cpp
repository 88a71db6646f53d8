// Checks that machine.mem8/16/32 read and write only inside this VM's buffers.
#include "modules/standard_modules.hpp"
#include "vm/vm.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace xipy::vm {
namespace {

// On a board these reach any address, and the unix reference maps physical memory through
// /dev/mem, so the expected output cannot come from the reference: inside a buffer of this VM
// an access works in the host's byte order, anywhere else it raises.
constexpr std::string_view memory_program = R"(import machine, uctypes, sys
def attempt(label, function):
    try:
        print(label, function())
    except ValueError as error:
        print(label, error)

data = bytearray(8)
base = uctypes.addressof(data)
machine.mem8[base] = 0x1ff
machine.mem16[base + 2] = 0x1234
machine.mem32[base + 4] = -1
print(data[0], data[4:] == b'\xff\xff\xff\xff')
little = sys.byteorder == 'little'
print(machine.mem16[base + 2] == 0x1234, data[2] == (0x34 if little else 0x12))
print(machine.mem32[base + 4], machine.mem8[base + 7])
attempt('past end', lambda: machine.mem32[base + 8])
attempt('straddling', lambda: machine.mem32[base + 6 - 2 + 4])
attempt('null', lambda: machine.mem8[0])
attempt('wild', lambda: machine.mem32[0x12345678])
text = b'constant'
print(machine.mem8[uctypes.addressof(text)])
def store():
    machine.mem8[uctypes.addressof(text)] = 1
attempt('read-only', store)
)";

constexpr std::string_view memory_output =
    "255 True\n"
    "True True\n"
    "4294967295 255\n"
    "past end address not in a buffer of this VM\n"
    "straddling address not in a buffer of this VM\n"
    "null address not in a buffer of this VM\n"
    "wild address not in a buffer of this VM\n"
    "99\n"
    "read-only memory at address is read-only\n";

void append(void* context, const char* data, std::size_t length) {
    static_cast<std::string*>(context)->append(data, length);
}

TEST(MachineMemoryTest, AddressesStayInsideTheVmsBuffers) {
    std::string output;
    VmConfig config;
    config.modules = modules::standard_modules();
    config.write_stdout = append;
    config.write_stderr = append;
    config.output_context = &output;
    Vm vm(config);
    ASSERT_EQ(vm.run_source(memory_program, "machine_memory.py", SourceKind::file), RunStatus::ok)
        << output << vm.traceback_text();
    EXPECT_EQ(output, memory_output);
}

}  // namespace
}  // namespace xipy::vm
