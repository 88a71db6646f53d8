// The hashlib module: sha256 (as the reference), plus sha1 and md5 (as CPython offers them).
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "library/md5.hpp"
#include "library/sha1.hpp"
#include "library/sha256.hpp"
#include "modules/names.hpp"
#include "modules/readable_buffer.hpp"
#include "modules/standard_modules.hpp"
#include "object/bytes_object.hpp"
#include "object/class_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/module_object.hpp"
#include "object/operations.hpp"
#include "object/printer.hpp"

namespace xipy::modules {

using object::Arguments;
using object::Attribute;
using object::NativeFunction;
using object::NativeKind;
using object::Value;

namespace {

// One hash computation. Invariant: `hasher` holds the algorithm its type names (sha256_type
// holds Sha256...). Once `final` is set (by a digest) MicroPython refuses both update and
// digest with "hash is final"; the hashers themselves are trivially destructible, so the
// collector frees the object without a finaliser.
struct HashObject : object::Object {
    std::variant<library::Sha256, library::Sha1, library::Md5> hasher;
    bool final = false;

    template <typename Hasher>
    HashObject(const object::Type* type, Hasher initial) : Object(type), hasher(initial) {}
};

HashObject* as_hash(Value value) { return static_cast<HashObject*>(value.as_object()); }

std::span<const std::uint8_t> as_bytes(std::string_view data) {
    return {reinterpret_cast<const std::uint8_t*>(data.data()), data.size()};
}

object::Raised hash_is_final(object::Runtime& runtime) {
    return runtime.raise_new(&object::value_error_type, "hash is final");
}

bool feed(object::Runtime& runtime, HashObject* hash, Value data) {
    auto bytes = readable_buffer(runtime, data);
    if (!bytes) {
        return false;
    }
    std::visit([&](auto& hasher) { hasher.update(as_bytes(*bytes)); }, hash->hasher);
    return true;
}

object::Result<Value> hash_update(object::Runtime& runtime, Arguments arguments) {
    HashObject* hash = as_hash(arguments[0]);
    if (hash->final) {
        return hash_is_final(runtime);
    }
    return feed(runtime, hash, arguments[1]) ? Value::none() : Value::empty();
}

// A digest's bytes on the C stack: SHA-256's 32 are the most any hash here gives.
struct Digest {
    char bytes[32];
    std::size_t size = 0;
    std::string_view view() const { return {bytes, size}; }
};

// The digest bytes, marking the hash final as the reference does.
std::optional<Digest> finish(object::Runtime& runtime, Value self) {
    HashObject* hash = as_hash(self);
    if (hash->final) {
        hash_is_final(runtime);
        return std::nullopt;
    }
    hash->final = true;
    return std::visit(
        [](auto& hasher) {
            auto digest = hasher.digest();
            static_assert(sizeof digest <= sizeof Digest::bytes);
            Digest result;
            std::memcpy(result.bytes, digest.data(), digest.size());
            result.size = digest.size();
            return result;
        },
        hash->hasher);
}

object::Result<Value> hash_digest(object::Runtime& runtime, Arguments arguments) {
    auto digest = finish(runtime, arguments[0]);
    return digest ? object::make_bytes(runtime, digest->view()) : object::Raised{};
}

object::Result<Value> hash_hexdigest(object::Runtime& runtime, Arguments arguments) {
    auto digest = finish(runtime, arguments[0]);
    if (!digest) {
        return Value::empty();
    }
    static constexpr char digits[] = "0123456789abcdef";
    char text[2 * sizeof Digest::bytes];
    std::size_t length = 0;
    for (char byte : digest->view()) {
        auto value = static_cast<std::uint8_t>(byte);
        text[length++] = digits[value >> 4];
        text[length++] = digits[value & 15];
    }
    return object::make_str(runtime, std::string_view(text, length));
}

constexpr NativeFunction hash_methods[] = {
    {names::update, NativeKind::method, 2, 2, hash_update},
    {names::digest, NativeKind::method, 1, 1, hash_digest},
    {names::hexdigest, NativeKind::method, 1, 1, hash_hexdigest},
};

constexpr Attribute hash_attributes[] = {
    {names::update, &hash_methods[0]},
    {names::digest, &hash_methods[1]},
    {names::hexdigest, &hash_methods[2]},
};

template <typename Hasher>
object::Result<Value> hash_make_new(object::Runtime& runtime, const object::Type* type,
                                    Arguments arguments) {
    if (arguments.positional_count > 1 || arguments.keyword_count != 0) {
        return runtime.raise_joined(
            &object::type_error_type,
            {"function expected at most 1 arguments, got ",
             object::Runtime::DecimalText(static_cast<std::int64_t>(arguments.positional_count))});
    }
    auto* hash = runtime.make<HashObject>(0, type, Hasher{});
    if (hash == nullptr) {
        return Value::empty();
    }
    if (arguments.positional_count == 1 && !feed(runtime, hash, arguments[0])) {
        return Value::empty();
    }
    return Value::from_object(hash);
}

object::Status hash_print(object::Runtime& runtime, Value self, object::Printer& printer,
                          object::PrintKind) {
    printer.write("<");
    printer.write(object::type_name_of(runtime, self));
    printer.write(">");
    return object::succeeded();
}

constinit const object::Type sha256_type{
    names::sha256, &object::object_type,
    object::TypeSlots{.make_new = hash_make_new<library::Sha256>, .print = hash_print},
    hash_attributes};
constinit const object::Type sha1_type{
    names::sha1, &object::object_type,
    object::TypeSlots{.make_new = hash_make_new<library::Sha1>, .print = hash_print},
    hash_attributes};
constinit const object::Type md5_type{
    names::md5, &object::object_type,
    object::TypeSlots{.make_new = hash_make_new<library::Md5>, .print = hash_print},
    hash_attributes};

}  // namespace

namespace {

constexpr object::Attribute hashlib_types[] = {
    {names::sha256, &sha256_type},
    {names::sha1, &sha1_type},
    {names::md5, &md5_type},
};

}  // namespace

constinit const vm::ModuleDefinition hashlib_module{
    .name = names::hashlib, .objects = hashlib_types, .extensible = true, .u_alias = true};

}  // namespace xipy::modules
