// Sockets through the C API: the network grant, loopback confinement, and blocking calls that
// release the VM to its other threads and end at an interrupt.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <string_view>
#include <thread>

#include "xipy/xipy.h"

namespace {

void append_output(void* context, const char* data, size_t length) {
    static_cast<std::string*>(context)->append(data, length);
}

class NetworkTest : public ::testing::Test {
  protected:
    void TearDown() override { xipy_vm_destroy(vm_); }

    void create(int network, bool threads = false) {
        xipy_config config;
        xipy_config_init(&config);
        config.write_stdout = append_output;
        config.write_stderr = append_output;
        config.output_context = &output_;
        config.allow_clock = 1;
        config.allow_threads = threads ? 1 : 0;
        config.allow_network = network;
        ASSERT_EQ(xipy_vm_create(&config, &vm_), XIPY_OK);
    }

    xipy_status run(std::string_view source) {
        return xipy_vm_run_source(vm_, source.data(), source.size(), "net.py", XIPY_SOURCE_FILE);
    }

    xipy_vm* vm_ = nullptr;
    std::string output_;
};

// Binds `server` to the first free loopback port from 42000 and keeps its address in `address`.
constexpr std::string_view listen_on_loopback = R"(
import socket, errno
def listen_on_loopback():
    for port in range(42000, 42200):
        server = socket.socket()
        address = socket.getaddrinfo("127.0.0.1", port)[0][-1]
        try:
            server.bind(address)
        except OSError as error:
            server.close()
            if error.errno == errno.EADDRINUSE:
                continue
            raise
        server.listen(1)
        return server, address
server, address = listen_on_loopback()
)";

TEST_F(NetworkTest, SocketsAreDeniedWithoutTheGrant) {
    create(XIPY_NETWORK_NONE);
    ASSERT_EQ(run("import socket, select\nprint(select.poll())\nsocket.socket()"),
              XIPY_EXCEPTION);
    EXPECT_STREQ(xipy_vm_exception_type(vm_), "OSError");
    EXPECT_STREQ(xipy_vm_exception_message(vm_), "[Errno 1] EPERM");
    ASSERT_EQ(run("socket.getaddrinfo('127.0.0.1', 80)"), XIPY_EXCEPTION);
    EXPECT_STREQ(xipy_vm_exception_message(vm_), "[Errno 1] EPERM");
    EXPECT_EQ(output_, "<poll>\n");
}

TEST_F(NetworkTest, AnUnknownGrantIsRefused) {
    xipy_config config;
    xipy_config_init(&config);
    config.allow_network = XIPY_NETWORK_ANY + 1;
    EXPECT_EQ(xipy_vm_create(&config, &vm_), XIPY_INVALID_ARGUMENT);
    config.allow_network = -1;
    EXPECT_EQ(xipy_vm_create(&config, &vm_), XIPY_INVALID_ARGUMENT);
}

TEST_F(NetworkTest, LoopbackReachesNoOtherAddress) {
    create(XIPY_NETWORK_LOOPBACK);
    ASSERT_EQ(run("import socket, errno\n"
                  "def attempt(call, *arguments):\n"
                  "    try:\n"
                  "        call(*arguments)\n"
                  "    except OSError as error:\n"
                  "        print(error.errno == errno.EACCES, error.errno)\n"
                  "tcp = socket.socket()\n"
                  "udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
                  "attempt(tcp.connect, ('10.1.2.3', 80))\n"
                  "attempt(tcp.bind, ('0.0.0.0', 0))\n"
                  "attempt(tcp.bind, ('', 0))\n"
                  "attempt(udp.sendto, b'x', ('192.0.2.1', 9))\n"
                  "attempt(udp.sendto, b'x', socket.getaddrinfo('192.0.2.1', 9)[0][-1])\n"
                  "try:\n"
                  "    socket.getaddrinfo('example.invalid', 80)\n"
                  "except OSError as error:\n"
                  "    print(str(error).startswith('[addrinfo error'))\n"
                  "print(socket.getaddrinfo('localhost', 80)[0][0] in (socket.AF_INET, "
                  "socket.AF_INET6))\n"
                  "for kind in (socket.AF_UNIX, 12345):\n"
                  "    attempt(socket.socket, kind)\n"
                  "attempt(socket.socket, socket.AF_INET, socket.SOCK_RAW)\n"),
              XIPY_OK)
        << output_;
    EXPECT_EQ(output_,
              "True 13\nTrue 13\nTrue 13\nTrue 13\nTrue 13\nTrue\nTrue\n"
              "False 97\nFalse 97\nFalse 1\n");
}

TEST_F(NetworkTest, LoopbackBindsAnUnboundSocketToLoopbackBeforeItSends) {
    create(XIPY_NETWORK_LOOPBACK);
    ASSERT_EQ(run("import socket\n"
                  "udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
                  "udp.sendto(b'x', ('127.0.0.1', 9))\n"
                  "print(udp.fileno())\n"),
              XIPY_OK)
        << output_;
    const int descriptor = std::stoi(output_);
    sockaddr_in local{};
    socklen_t length = sizeof local;
    ASSERT_EQ(getsockname(descriptor, reinterpret_cast<sockaddr*>(&local), &length), 0);
    EXPECT_EQ(ntohl(local.sin_addr.s_addr), INADDR_LOOPBACK);
    EXPECT_NE(local.sin_port, 0);
}

TEST_F(NetworkTest, AnInterruptEndsABlockingAccept) {
    create(XIPY_NETWORK_LOOPBACK);
    ASSERT_EQ(run(listen_on_loopback), XIPY_OK) << output_;
    xipy_vm* vm = vm_;
    std::thread interrupter([vm] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        xipy_vm_interrupt(vm);
    });
    const xipy_status status = run("server.accept()");
    interrupter.join();
    EXPECT_EQ(status, XIPY_EXCEPTION);
    EXPECT_STREQ(xipy_vm_exception_type(vm_), "KeyboardInterrupt");
}

TEST_F(NetworkTest, ATimeoutEndsAWaitWithEtimedout) {
    create(XIPY_NETWORK_LOOPBACK);
    ASSERT_EQ(run(listen_on_loopback), XIPY_OK) << output_;
    ASSERT_EQ(run("server.settimeout(0.05)\n"
                  "try:\n"
                  "    server.accept()\n"
                  "except OSError as error:\n"
                  "    print(error.errno == errno.ETIMEDOUT)\n"
                  "server.setblocking(False)\n"
                  "try:\n"
                  "    server.accept()\n"
                  "except OSError as error:\n"
                  "    print(error.errno == errno.EAGAIN)\n"),
              XIPY_OK)
        << output_;
    EXPECT_EQ(output_, "True\nTrue\n");
}

#if XIPY_TEST_THREADS
// The accepting thread waits with the VM's lock released, so the thread that connects runs.
TEST_F(NetworkTest, AThreadRunsWhileAnotherWaitsOnASocket) {
    create(XIPY_NETWORK_LOOPBACK, true);
    ASSERT_EQ(run(listen_on_loopback), XIPY_OK) << output_;
    ASSERT_EQ(run("import _thread\n"
                  "def client():\n"
                  "    peer = socket.socket()\n"
                  "    peer.connect(address)\n"
                  "    peer.write(b'from the thread\\n')\n"
                  "    peer.close()\n"
                  "_thread.start_new_thread(client, ())\n"
                  "connection, _ = server.accept()\n"
                  "print(connection.readline())\n"
                  "print(connection.read())\n"),
              XIPY_OK)
        << output_;
    EXPECT_EQ(output_, "b'from the thread\\n'\nb''\n");
}
#endif

}  // namespace
