// The vfs module: VfsRom over a ROMFS image, and mount/umount into the VM's file tree.
#include "modules/vfs.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "image/romfs.hpp"
#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
#include "object/buffer.hpp"
#include "object/bytes_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "text/utf8_text.hpp"

namespace xipy::modules {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Value;

namespace {

// Files of a ROMFS image. The bytes lie in `owner` (a heap object the mount keeps alive) or
// in host memory that outlives the VM.
class RomfsSource final : public vm::ModuleSource {
  public:
    RomfsSource(image::RomfsImage image, Value owner) : image_(image), owner_(owner) {}

    vm::PathKind stat(object::Runtime&, std::string_view path) const override {
        auto found = image_.find(path);
        if (!found) {
            return vm::PathKind::missing;
        }
        switch (found->kind) {
            case image::RomfsEntryKind::file:
                return vm::PathKind::file;
            case image::RomfsEntryKind::directory:
                return vm::PathKind::directory;
            default:
                return vm::PathKind::missing;
        }
    }

    bool read(object::Runtime&, std::string_view path, vm::SourceFile& file) const override {
        auto found = image_.find(path);
        if (!found || found->kind != image::RomfsEntryKind::file) {
            return false;
        }
        file.bytes = found->bytes;
        file.owner = owner_;
        return true;
    }

    void trace(gc::Tracer& tracer) const override {
        if (owner_.is_object()) {
            tracer.mark(owner_.as_object());
        }
    }

    bool serves_open() const override { return true; }

  private:
    image::RomfsImage image_;
    Value owner_;
};

// vfs.VfsRom(buffer): the image lies in `buffer`, a read-only buffer (bytes, or a memoryview
// of one) whose bytes never move or change while the VfsRom lives.
struct VfsRomObject : object::Object {
    Value buffer;
    const std::uint8_t* data;
    std::size_t size;

    VfsRomObject(const object::Type* type, Value memory, const std::uint8_t* bytes,
                 std::size_t length)
        : Object(type), buffer(memory), data(bytes), size(length) {}
    image::RomfsImage image() const { return *image::RomfsImage::open({data, size}); }
};

void trace_vfs_rom(gc::Cell* cell, gc::Tracer& tracer) {
    Value buffer = static_cast<VfsRomObject*>(cell)->buffer;
    if (buffer.is_object()) {
        tracer.mark(buffer.as_object());
    }
}

extern const object::Type vfs_rom_type;

VfsRomObject* as_vfs_rom(object::Runtime& runtime, Value value) {
    if (!value.is_object() || value.as_object()->type() != &vfs_rom_type) {
        runtime.raise_new(&object::type_error_type, "VfsRom object required");
        return nullptr;
    }
    return static_cast<VfsRomObject*>(value.as_object());
}

object::Result<Value> vfs_rom_make_new(object::Runtime& runtime, const object::Type* type,
                                       Arguments arguments) {
    if (arguments.positional_count != 1 || arguments.keyword_count != 0) {
        return runtime.raise_new(&object::type_error_type, "function takes 1 positional argument");
    }
    auto view = object::require_buffer(runtime, arguments[0]);
    if (!view) {
        return Value::empty();
    }
    if (view->writable) {
        // A bytearray may be resized or rewritten under the modules that run from it.
        return runtime.raise_new(&object::type_error_type,
                                 "VfsRom needs a read-only buffer (bytes or memoryview)");
    }
    if (!image::RomfsImage::open({view->data, view->size})) {
        return object::raise_os_error(runtime, object::error_no_device);
    }
    auto* rom = runtime.make<VfsRomObject>(0, type, arguments[0], view->data, view->size);
    return rom == nullptr ? Value::empty() : Value::from_object(rom);
}

std::optional<std::string_view> path_text(object::Runtime& runtime, Value value) {
    if (!object::is_str(value)) {
        runtime.raise_new(&object::type_error_type, "path must be str");
        return std::nullopt;
    }
    return object::str_view(runtime, value);
}

object::Result<Value> vfs_rom_stat(object::Runtime& runtime, Arguments arguments) {
    VfsRomObject* rom = as_vfs_rom(runtime, arguments[0]);
    auto path = rom == nullptr ? std::nullopt : path_text(runtime, arguments[1]);
    if (!path) {
        return Value::empty();
    }
    auto found = rom->image().find(*path);
    if (!found || found->kind == image::RomfsEntryKind::missing) {
        return object::raise_os_error(runtime, object::error_no_entry);
    }
    const bool file = found->kind == image::RomfsEntryKind::file;
    Value size =
        object::make_int(runtime, file ? static_cast<std::int64_t>(found->bytes.size()) : 0);
    if (size.is_empty()) {
        return Value::empty();
    }
    Value fields[10] = {Value::from_small_int(file ? stat_mode_file : stat_mode_directory)};
    for (std::size_t index = 1; index < 10; ++index) {
        fields[index] = Value::from_small_int(0);
    }
    fields[6] = size;
    return object::new_tuple(runtime, fields);
}

// ilistdir(path): (name, type, inode, size) for each entry, as a list's iterator.
object::Result<Value> vfs_rom_ilistdir(object::Runtime& runtime, Arguments arguments) {
    VfsRomObject* rom = as_vfs_rom(runtime, arguments[0]);
    auto path = rom == nullptr ? std::nullopt : path_text(runtime, arguments[1]);
    if (!path) {
        return Value::empty();
    }
    const image::RomfsImage image = rom->image();
    auto found = image.find(*path);
    if (!found || found->kind != image::RomfsEntryKind::directory) {
        return object::raise_os_error(runtime, object::error_no_entry);
    }
    auto entries = image.list(found->bytes);
    if (!entries) {
        return object::raise_os_error(runtime, object::error_no_entry);
    }
    Value list = object::make_list(runtime, {});
    if (list.is_empty()) {
        return Value::empty();
    }
    runtime.keep(list);
    for (const image::RomfsEntry& entry : *entries) {
        const bool file = entry.kind == image::RomfsEntryKind::file;
        Value name = object::make_str(runtime, entry.name);
        if (name.is_empty()) {
            return Value::empty();
        }
        runtime.keep(name);
        Value size = object::make_int(runtime, static_cast<std::int64_t>(entry.bytes.size()));
        if (size.is_empty()) {
            return Value::empty();
        }
        Value fields[4] = {name, Value::from_small_int(file ? stat_mode_file : stat_mode_directory),
                           Value::from_small_int(0), size};
        Value tuple = object::new_tuple(runtime, fields);
        if (tuple.is_empty() || !object::list_append(runtime, list, tuple)) {
            return Value::empty();
        }
    }
    return object::get_iterator(runtime, list);
}

// VfsRom.mount(readonly, mkfs): an image cannot be formatted.
object::Result<Value> vfs_rom_mount(object::Runtime& runtime, Arguments arguments) {
    const int mkfs = object::truth(runtime, arguments[2]);
    if (mkfs < 0) {
        return Value::empty();
    }
    if (mkfs > 0) {
        return object::raise_os_error(runtime, object::error_permission);
    }
    return Value::none();
}

object::Result<Value> vfs_rom_umount(object::Runtime&, Arguments) { return Value::none(); }

constexpr NativeFunction vfs_rom_methods[] = {
    {names::stat, NativeKind::method, 2, 2, vfs_rom_stat},
    {names::ilistdir, NativeKind::method, 2, 2, vfs_rom_ilistdir},
    {names::mount, NativeKind::method, 3, 3, vfs_rom_mount},
    {names::umount, NativeKind::method, 1, 1, vfs_rom_umount},
};

constexpr object::Attribute vfs_rom_attributes[] = {
    {names::ilistdir, &vfs_rom_methods[1]},
    {names::mount, &vfs_rom_methods[2]},
    {names::stat, &vfs_rom_methods[0]},
    {names::umount, &vfs_rom_methods[3]},
};

constinit const object::Type vfs_rom_type{names::VfsRom,
                                          &object::object_type,
                                          object::TypeSlots{.make_new = vfs_rom_make_new},
                                          vfs_rom_attributes,
                                          0,
                                          trace_vfs_rom};

// vfs.mount(fs, mount_point, *, readonly=False): a VfsRom at a path of the VM's file tree,
// where open() and import then find its files. A taken mount point raises EPERM.
object::Result<Value> vfs_mount(object::Runtime& runtime, Arguments arguments) {
    if (arguments.positional_count < 2) {
        return runtime.raise_new(&object::type_error_type, "function missing required argument");
    }
    VfsRomObject* rom = as_vfs_rom(runtime, arguments[0]);
    auto point = rom == nullptr ? std::nullopt : path_text(runtime, arguments[1]);
    if (!point) {
        return Value::empty();
    }
    auto source = std::make_shared<RomfsSource>(rom->image(), arguments[0]);
    if (!vm::mount_source(runtime, *point, std::move(source), arguments[0])) {
        return object::raise_os_error(runtime, object::error_permission);
    }
    return Value::none();
}

// vfs.umount(mount_point): EINVAL when nothing is mounted there.
object::Result<Value> vfs_umount(object::Runtime& runtime, Arguments arguments) {
    auto point = path_text(runtime, arguments[0]);
    if (!point) {
        return Value::empty();
    }
    if (vm::normalize_path(*point).empty() || !vm::unmount_source(runtime, *point)) {
        return object::raise_os_error(runtime, object::error_invalid);
    }
    return Value::none();
}

constexpr NativeFunction vfs_functions[] = {
    {names::mount, NativeKind::function, 2, 2, vfs_mount, true},
    {names::umount, NativeKind::function, 1, 1, vfs_umount},
};

constexpr object::Attribute vfs_types[] = {{names::VfsRom, &vfs_rom_type}};

// ---- files opened in an image: read-only streams over the image's bytes

// Invariants: position <= size; `data` stays valid while `owner` (the VfsRom, or empty when
// the host keeps the image alive) lives. Text files count positions in bytes, as MicroPython.
struct ImageFileObject : object::Object {
    Value owner;
    const std::uint8_t* data;
    std::size_t size;
    std::size_t position = 0;
    bool closed = false;

    ImageFileObject(const object::Type* type, Value keeper, std::span<const std::uint8_t> bytes)
        : Object(type), owner(keeper), data(bytes.data()), size(bytes.size()) {}
};

extern const object::Type image_binary_file_type;
extern const object::Type image_text_file_type;

void trace_image_file(gc::Cell* cell, gc::Tracer& tracer) {
    Value owner = static_cast<ImageFileObject*>(cell)->owner;
    if (owner.is_object()) {
        tracer.mark(owner.as_object());
    }
}

ImageFileObject* open_file(object::Runtime& runtime, Value self) {
    auto* file = static_cast<ImageFileObject*>(self.as_object());
    if (file->closed) {
        object::raise_os_error(runtime, object::error_invalid);
        return nullptr;
    }
    return file;
}

bool is_binary(Value self) { return self.as_object()->type() == &image_binary_file_type; }

// The bytes [start, end) as the file's kind of value; a text file's must be UTF-8.
object::Result<Value> make_chunk(object::Runtime& runtime, Value self, std::size_t start,
                                 std::size_t end) {
    auto* file = static_cast<ImageFileObject*>(self.as_object());
    const std::string_view text(reinterpret_cast<const char*>(file->data) + start, end - start);
    if (is_binary(self)) {
        return object::make_bytes(runtime, text);
    }
    support::ScratchString checked;
    if (!text::decode_text(text, text::Encoding::utf8, text::DecodeErrors::strict, checked)) {
        return runtime.raise_type(&object::unicode_error_type);
    }
    return object::make_str(runtime, text);
}

// read(size=-1): at most `size` bytes (binary) or characters (text); all that is left if
// size is negative or absent.
object::Result<Value> image_file_read(object::Runtime& runtime, Arguments arguments) {
    ImageFileObject* file = open_file(runtime, arguments[0]);
    if (file == nullptr) {
        return Value::empty();
    }
    std::size_t end = file->size;
    if (arguments.positional_count > 1 && !arguments[1].is_none()) {
        auto count = object::to_integer(runtime, arguments[1]);
        if (!count) {
            return Value::empty();
        }
        if (*count >= 0) {
            end = file->position;
            for (std::int64_t taken = 0; taken < *count && end < file->size; ++taken) {
                ++end;
                // A character is its lead byte and the continuation bytes after it.
                while (!is_binary(arguments[0]) && end < file->size &&
                       (file->data[end] & 0xC0) == 0x80) {
                    ++end;
                }
            }
        }
    }
    Value chunk = make_chunk(runtime, arguments[0], file->position, end);
    if (!chunk.is_empty()) {
        file->position = end;
    }
    return chunk;
}

object::Result<Value> image_file_readline(object::Runtime& runtime, Arguments arguments) {
    ImageFileObject* file = open_file(runtime, arguments[0]);
    if (file == nullptr) {
        return Value::empty();
    }
    std::size_t end = file->position;
    while (end < file->size && file->data[end++] != '\n') {
    }
    Value line = make_chunk(runtime, arguments[0], file->position, end);
    if (!line.is_empty()) {
        file->position = end;
    }
    return line;
}

object::Result<Value> image_file_next(object::Runtime& runtime, Value self) {
    auto* file = static_cast<ImageFileObject*>(self.as_object());
    if (!file->closed && file->position == file->size) {
        return Value::stop_iteration();
    }
    return image_file_readline(runtime, Arguments{&self, 1});
}

// seek(offset, whence=0): from the start, the current position or the end; clamped to the
// file, as a read-only stream allows.
object::Result<Value> image_file_seek(object::Runtime& runtime, Arguments arguments) {
    ImageFileObject* file = open_file(runtime, arguments[0]);
    if (file == nullptr) {
        return Value::empty();
    }
    auto offset = object::to_integer(runtime, arguments[1]);
    std::optional<std::int64_t> whence = std::int64_t{0};
    if (arguments.positional_count > 2) {
        whence = object::to_integer(runtime, arguments[2]);
    }
    if (!offset || !whence) {
        return Value::empty();
    }
    std::int64_t base = *whence == 0   ? 0
                        : *whence == 1 ? static_cast<std::int64_t>(file->position)
                        : *whence == 2 ? static_cast<std::int64_t>(file->size)
                                       : -1;
    if (base < 0) {
        return object::raise_os_error(runtime, object::error_invalid);
    }
    const std::int64_t target = base + *offset;
    file->position =
        target < 0 ? 0 : std::min<std::size_t>(static_cast<std::size_t>(target), file->size);
    return object::make_int(runtime, static_cast<std::int64_t>(file->position));
}

object::Result<Value> image_file_tell(object::Runtime& runtime, Arguments arguments) {
    ImageFileObject* file = open_file(runtime, arguments[0]);
    return file == nullptr
               ? Value::empty()
               : Value(object::make_int(runtime, static_cast<std::int64_t>(file->position)));
}

object::Result<Value> image_file_close(object::Runtime&, Arguments arguments) {
    static_cast<ImageFileObject*>(arguments[0].as_object())->closed = true;
    return Value::none();
}

object::Result<Value> image_file_enter(object::Runtime&, Arguments arguments) {
    return arguments[0];
}

constexpr NativeFunction image_file_methods[] = {
    {names::read, NativeKind::method, 1, 2, image_file_read},
    {names::readline, NativeKind::method, 1, 2, image_file_readline},
    {names::seek, NativeKind::method, 2, 3, image_file_seek},
    {names::tell, NativeKind::method, 1, 1, image_file_tell},
    {names::close, NativeKind::method, 1, 1, image_file_close},
    {names::dunder_enter, NativeKind::method, 1, 1, image_file_enter},
    {names::dunder_exit, NativeKind::method, 1, 4, image_file_close},
};

constexpr object::Attribute image_file_attributes[] = {
    {names::dunder_enter, &image_file_methods[5]}, {names::dunder_exit, &image_file_methods[6]},
    {names::close, &image_file_methods[4]},        {names::read, &image_file_methods[0]},
    {names::readline, &image_file_methods[1]},     {names::seek, &image_file_methods[2]},
    {names::tell, &image_file_methods[3]},
};

// MicroPython names these FileIO and TextIOWrapper, the types of its files.
constinit const object::Type image_binary_file_type{
    names::FileIO,
    &object::object_type,
    object::TypeSlots{.get_iterator = object::iterator_self, .iterate_next = image_file_next},
    image_file_attributes,
    0,
    trace_image_file};
constinit const object::Type image_text_file_type{
    names::TextIOWrapper,
    &object::object_type,
    object::TypeSlots{.get_iterator = object::iterator_self, .iterate_next = image_file_next},
    image_file_attributes,
    0,
    trace_image_file};

}  // namespace

object::Result<Value> open_image_file(object::Runtime& runtime, std::string_view path, bool binary,
                                      bool& handled) {
    handled = false;
    support::ScratchString inside;
    Value mounted;
    const vm::ModuleSource* source = vm::find_source(runtime, path, inside, &mounted);
    if (source == nullptr || !source->serves_open()) {
        return Value::empty();
    }
    handled = true;
    vm::SourceFile file;
    if (!source->read(runtime, inside, file)) {
        return object::raise_os_error(runtime,
                                      source->stat(runtime, inside) == vm::PathKind::directory
                                          ? object::error_is_directory
                                          : object::error_no_entry);
    }
    auto* object =
        runtime.make<ImageFileObject>(0, binary ? &image_binary_file_type : &image_text_file_type,
                                      file.owner.is_empty() ? mounted : file.owner, file.bytes);
    return object == nullptr ? Value::empty() : Value::from_object(object);
}

std::shared_ptr<vm::ModuleSource> make_romfs_source(std::span<const std::uint8_t> bytes,
                                                    std::string& error, Value owner) {
    auto image = image::RomfsImage::open(bytes);
    if (!image) {
        error = image.error().describe();
        return nullptr;
    }
    return std::make_shared<RomfsSource>(*image, owner);
}

constinit const vm::ModuleDefinition vfs_module{names::vfs, vfs_functions, vfs_types};

}  // namespace xipy::modules
