// Checks SHA-256, SHA-1 and MD5 against standard vectors, the reference and CPython.
#include <gtest/gtest.h>

#include <string>

#include "library/md5.hpp"
#include "library/sha1.hpp"
#include "library/sha256.hpp"
#include "library/vectors.hpp"

namespace xipy::library {
namespace {

using testing::bytes_of;
using testing::hex_of;

std::span<const std::uint8_t> bytes(const std::string& text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

template <typename Hash>
std::string digest_hex(const std::string& text) {
    Hash hash;
    hash.update(bytes(text));
    return hex_of(hash.digest());
}

template <typename Hash>
std::string million_a_hex() {
    Hash hash;
    std::string chunk(1000, 'a');
    for (int index = 0; index < 1000; ++index) {
        hash.update(bytes(chunk));
    }
    return hex_of(hash.digest());
}

const std::string two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

// FIPS 180-4 example messages (as published with the standard's test vectors).
TEST(Sha256, StandardVectors) {
    EXPECT_EQ(digest_hex<Sha256>(""),
              "xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(digest_hex<Sha256>("abc"),
              "xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(digest_hex<Sha256>(two_blocks),
              "x248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(million_a_hex<Sha256>(),
              "xcdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha1, StandardVectors) {
    EXPECT_EQ(digest_hex<Sha1>(""), "xda39a3ee5e6b4b0d3255bfef95601890afd80709");
    EXPECT_EQ(digest_hex<Sha1>("abc"), "xa9993e364706816aba3e25717850c26c9cd0d89d");
    EXPECT_EQ(digest_hex<Sha1>(two_blocks), "x84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    EXPECT_EQ(million_a_hex<Sha1>(), "x34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

// RFC 1321's test suite.
TEST(Md5, StandardVectors) {
    EXPECT_EQ(digest_hex<Md5>(""), "xd41d8cd98f00b204e9800998ecf8427e");
    EXPECT_EQ(digest_hex<Md5>("a"), "x0cc175b9c0f1b6a831c399e269772661");
    EXPECT_EQ(digest_hex<Md5>("abc"), "x900150983cd24fb0d6963f7d28e17f72");
    EXPECT_EQ(digest_hex<Md5>("message digest"), "xf96b697d7cb7938d525a2f31aaf161d0");
    EXPECT_EQ(digest_hex<Md5>("abcdefghijklmnopqrstuvwxyz"), "xc3fcd3d76192e4007dfb496cca67e13b");
    EXPECT_EQ(
        digest_hex<Md5>(
            "12345678901234567890123456789012345678901234567890123456789012345678901234567890"),
        "x57edf4a22be3c955ac49da2e2107b67a");
}

// Every vector hashed in one piece and again in uneven pieces, which crosses block
// boundaries at every offset.
template <typename Hash>
void check_vector(const std::vector<std::uint8_t>& data, const std::string& expected) {
    Hash whole;
    whole.update(data);
    EXPECT_EQ(hex_of(whole.digest()), expected) << hex_of(data);
    Hash pieces;
    std::size_t position = 0;
    for (std::size_t step = 1; position < data.size(); step = step % 67 + 1) {
        std::size_t take = std::min(step, data.size() - position);
        pieces.update(std::span<const std::uint8_t>(data).subspan(position, take));
        position += take;
    }
    EXPECT_EQ(hex_of(pieces.digest()), expected) << hex_of(data);
}

TEST(Sha256, ReferenceVectors) {
    int checked = 0;
    for (const std::string& line : testing::read_vector_lines("reference_vectors.txt")) {
        auto fields = testing::split_fields(line);
        if (fields[0] == "sha256") {
            check_vector<Sha256>(bytes_of(fields[1]), fields[2]);
            ++checked;
        } else if (fields[0] == "sha256_final") {
            // hashlib.sha256(b'ab'); update(b''); update(b'c'); digest().
            Sha256 hash;
            hash.update(bytes("ab"));
            hash.update(bytes(""));
            hash.update(bytes("c"));
            EXPECT_EQ(hex_of(hash.digest()), fields[2]);
            // The reference then refuses both digest() and update(): its glue must keep
            // a "final" flag; Sha256 itself may be asked again and answers the same.
            EXPECT_EQ(fields[3], "ValueError:hash_is_final");
            EXPECT_EQ(fields[4], "ValueError:hash_is_final");
            EXPECT_EQ(hex_of(hash.digest()), fields[2]);
            ++checked;
        }
    }
    EXPECT_EQ(checked, 134);
}

TEST(Sha1AndMd5, CPythonVectors) {
    int checked = 0;
    for (const std::string& line : testing::read_vector_lines("hash_vectors.txt")) {
        auto fields = testing::split_fields(line);
        ASSERT_EQ(fields.size(), 3u) << line;
        if (fields[0] == "sha1") {
            check_vector<Sha1>(bytes_of(fields[1]), fields[2]);
        } else {
            ASSERT_EQ(fields[0], "md5");
            check_vector<Md5>(bytes_of(fields[1]), fields[2]);
        }
        ++checked;
    }
    EXPECT_EQ(checked, 266);
}

}  // namespace
}  // namespace xipy::library
