// Checks that uctypes reaches only memory inside this VM's buffers: bad addresses raise.
#include "modules/standard_modules.hpp"
#include "vm/vm.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace xipy::vm {
namespace {

// These programs would read or write memory the VM does not own on MicroPython (or crash
// it), so their expected output cannot come from the reference: each access must raise.
constexpr std::string_view refused_accesses = R"(import uctypes, gc
def attempt(label, function):
    try:
        function()
        print(label, 'allowed')
    except ValueError as error:
        print(label, error)

data = bytearray(8)
base = uctypes.addressof(data)
host = bytearray(64)
outside = {'x': uctypes.UINT32 | 0}
attempt('null', lambda: uctypes.struct(0, outside).x)
attempt('small', lambda: uctypes.bytes_at(16, 4))
attempt('past end', lambda: uctypes.bytes_at(base + 6, 4))
attempt('before start', lambda: uctypes.bytes_at(base - 1, 2))
attempt('window past end', lambda: uctypes.bytearray_at(base + 4, 5))
s = uctypes.struct(base, {'far': uctypes.UINT64 | 4, 'arr': (uctypes.ARRAY | 0, uctypes.UINT32 | 4)})
attempt('field past end', lambda: s.far)
def store():
    s.far = 1
attempt('store past end', store)
attempt('item past end', lambda: s.arr[2])
attempt('negative item', lambda: s.arr[-1])
data.extend(bytes(8))
print('grown', hex(s.arr[3]), s.far)
pointer = bytearray(16)
p = uctypes.struct(uctypes.addressof(pointer), {'p': (uctypes.PTR | 0, uctypes.UINT8), 'q': (uctypes.PTR | 0, {'v': uctypes.UINT32 | 0})})
attempt('null pointer', lambda: p.p[0])
attempt('null struct pointer', lambda: p.q[0].v)
pointer[0:8] = (12345678).to_bytes(8, 'little')
attempt('wild pointer', lambda: p.p[0])
text = b'read only'
r = uctypes.struct(uctypes.addressof(text), {'c': uctypes.UINT8 | 0, 'a': (uctypes.ARRAY | 0, uctypes.UINT8 | 4)})
print('read', r.c)
def write_read_only():
    r.c = 1
attempt('read-only', write_read_only)
copy = r.a
copy[0] = 0
print('text kept', text)
gone = bytearray(b'temporary')
address = uctypes.addressof(gone)
gone = None
gc.collect()
# Freed, or reused by another live buffer of this VM (then reading it is safe): never a crash.
try:
    uctypes.bytes_at(address, 9)
except ValueError:
    pass
print('freed buffer checked')
)";

constexpr std::string_view refused_output =
    "null address not in a buffer of this VM\n"
    "small address not in a buffer of this VM\n"
    "past end address not in a buffer of this VM\n"
    "before start address not in a buffer of this VM\n"
    "window past end address not in a buffer of this VM\n"
    "field past end address not in a buffer of this VM\n"
    "store past end address not in a buffer of this VM\n"
    "item past end address not in a buffer of this VM\n"
    "negative item address not in a buffer of this VM\n"
    "grown 0x0 0\n"
    "null pointer address not in a buffer of this VM\n"
    "null struct pointer address not in a buffer of this VM\n"
    "wild pointer address not in a buffer of this VM\n"
    "read 114\n"
    "read-only memory at address is read-only\n"
    "text kept b'read only'\n"
    "freed buffer checked\n";

void append(void* context, const char* data, std::size_t length) {
    static_cast<std::string*>(context)->append(data, length);
}

TEST(UctypesTest, AddressesOutsideTheVmsBuffersRaise) {
    for (bool stress : {false, true}) {
        std::string output;
        VmConfig config;
        config.modules = modules::standard_modules();
        config.write_stdout = append;
        config.write_stderr = append;
        config.output_context = &output;
        config.collect_on_every_allocation = stress;
        Vm vm(config);
        ASSERT_EQ(vm.run_source(refused_accesses, "uctypes_refused.py", SourceKind::file),
                  RunStatus::ok)
            << output << vm.traceback_text();
        EXPECT_EQ(output, refused_output);
    }
}

// Memory of another VM in the same process is out of reach too: an address taken in one VM
// means nothing in another.
TEST(UctypesTest, AnotherVmsBufferIsOutOfReach) {
    std::string first_output;
    VmConfig config;
    config.modules = modules::standard_modules();
    config.write_stdout = append;
    config.write_stderr = append;
    config.output_context = &first_output;
    Vm first(config);
    ASSERT_EQ(first.run_source("import uctypes\nsecret = bytearray(b'secret')\n"
                               "print(uctypes.addressof(secret))\n",
                               "first.py", SourceKind::file),
              RunStatus::ok)
        << first_output;
    std::string address = first_output.substr(0, first_output.find('\n'));
    std::string second_output;
    config.output_context = &second_output;
    Vm second(config);
    std::string program = "import uctypes\ntry:\n    print(uctypes.bytes_at(" + address +
                          ", 6))\nexcept ValueError as error:\n    print(error)\n";
    ASSERT_EQ(second.run_source(program, "second.py", SourceKind::file), RunStatus::ok)
        << second_output;
    EXPECT_EQ(second_output, "address not in a buffer of this VM\n");
}

}  // namespace
}  // namespace xipy::vm
