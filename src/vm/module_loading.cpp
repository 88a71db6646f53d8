// Loading images into an interpreter, and building and importing built-in modules.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstring>
#include <new>
#include <span>
#include <string>
#include <string_view>

#include "image/instruction.hpp"
#include "image/verifier.hpp"
#include "object/bytes_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/module_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/str_object.hpp"
#include "vm/interpreter.hpp"
#include "vm/module_definition.hpp"
#include "vm/slow_paths.hpp"

namespace xipy::vm {

using object::Value;

support::Result<image::Image> Interpreter::load_image(std::span<const std::uint8_t> bytes) {
    XIPY_TRY(image::Image loaded, image::Image::load(bytes, heap_memory_));
    // The loop trusts operands, stack depths and jump targets only because this passed; the
    // other codes wait for their first call (verify_function()). A broken outer code is still
    // a bad image, refused before anything runs.
    XIPY_TRY(support::Success verified, image::verify_code(loaded, loaded.root(), heap_memory_));
    (void)verified;
    return loaded;
}

bool Interpreter::verify_function(FunctionObject* function) {
    ModuleContext& context = *function->context;
    const image::RawCode& code = *function->code;
    if (!context.is_verified(code)) {
        // Verifying is load work, so the program's heap_lock() does not refuse it.
        gc::Heap::LockExemption exemption(heap());
        support::Status verified = image::verify_code(context.image, code, heap_memory_);
        if (!verified.ok()) {
            (void)raise_load_error(verified.error());
            return false;
        }
        context.intern_operand_names(code);
        context.mark_verified(code);
    }
    function->set_verified();
    return true;
}

void ModuleContext::intern_operand_names(const image::RawCode& code) {
    // The verifier decoded the same instructions in the same order, so this cannot fail.
    const std::span<const std::uint8_t> bytecode = image.bytecode(code);
    for (std::uint32_t offset = 0; offset < bytecode.size();) {
        auto decoded = image::decode_instruction(bytecode, offset);
        if (!decoded.ok()) {
            return;
        }
        if (decoded.value().info().format == image::OperandFormat::qstr &&
            decoded.value().operand < qstr_ids.size()) {
            qstr_id(decoded.value().operand);
        }
        offset = decoded.value().end();
    }
}

std::string load_error_text(const support::Error& error) {
    return error.message.starts_with("invalid .mpy: ") ? std::string(error.message)
                                                       : error.describe();
}

object::Raised Interpreter::raise_load_error(const support::Error& error) {
    if (error.kind == support::ErrorKind::memory_error) {
        return raise_new(&object::memory_error_type, error.message);
    }
    return raise_new(&object::value_error_type, load_error_text(error));
}

object::Result<Value> Interpreter::run_module(image::Image image, std::uint32_t module_name,
                                              SourceFile source) {
    // Every run of __main__ shares one namespace, so a VM's globals persist across runs.
    bool main = module_name == object::names::dunder_main;
    Value globals = main ? main_globals() : Value(object::make_dict(*this));
    if (globals.is_empty()) {
        return Value::empty();
    }
    keep(globals);
    if (!main &&
        !object::dict_store_name(*this, object::as_dict(globals), object::names::dunder_name,
                                 Value::from_interned_string(module_name))) {
        return Value::empty();
    }
    return execute_image(std::move(image), globals, std::move(source), true);
}

object::Result<Value> Interpreter::run_main_image(image::Image image, std::string_view file_path,
                                                  SourceFile source) {
    Value globals = main_globals();
    if (globals.is_empty()) {
        return Value::empty();
    }
    keep(globals);
    Value file_name = make_str_value(file_path);
    if (file_name.is_empty() || !object::dict_store_name(*this, object::as_dict(globals),
                                                         object::names::dunder_file, file_name)) {
        return Value::empty();
    }
    return execute_image(std::move(image), globals, std::move(source), false);
}

object::Result<Value> Interpreter::execute_image(image::Image image, Value globals,
                                                 SourceFile source, bool set_file) {
    ModuleContext* context = make_context(std::move(image), std::move(source));
    if (context == nullptr) {
        return Value::empty();
    }
    if (set_file &&
        !object::dict_store_name(*this, object::as_dict(globals), object::names::dunder_file,
                                 Value::from_interned_string(context->source_file))) {
        return Value::empty();
    }
    if (!run_context(context, globals, globals).ok()) {
        return Value::empty();
    }
    return globals;
}

ModuleContext* Interpreter::make_context(image::Image image, SourceFile source, bool transient) {
    OwnedModuleContext owned = make_module_context(heap_memory_, std::move(image));
    ModuleContext* context = owned.get();
    if (context == nullptr) {
        raise_memory_error();
        return nullptr;
    }
    const image::Image& loaded = context->image;
    if (!context->qstr_ids.reserve(heap_memory_, loaded.qstr_count()) ||
        !context->name_caches.reserve(heap_memory_, loaded.qstr_count(), config().side_tables) ||
        !context->constants.reserve(heap_memory_, loaded.constants().size()) ||
        !context->verified_codes.reserve(heap_memory_, (loaded.raw_codes().size() + 31) / 32)) {
        raise_memory_error();
        return nullptr;
    }
    context->transient = transient;
    context->names = &interned();
    context->first_id_after_load = static_cast<std::uint32_t>(interned().size());
    for (std::size_t index = 0; index < loaded.qstr_count(); ++index) {
        context->qstr_ids.push_back(loaded.qstr_is_static(index) ? loaded.static_qstr_id(index)
                                                                 : 0);
    }
    context->intern_operand_names(loaded.root());
    context->constants.resize(loaded.constants().size());
    context->verified_codes.resize(context->verified_codes.capacity());
    // load_image() verified the outer code.
    context->mark_verified(loaded.root());
    context->source_file =
        context->qstr_ids.empty() ? object::names::empty_string : context->qstr_id(0);
    context->keep_alive = std::move(source.keep_alive);
    context->owner = source.owner;
    contexts_.append(std::move(owned));
    return context;
}

void Interpreter::release_context(ModuleContext* context) { contexts_.remove(context); }

void Interpreter::intern_image_names() {
    for (ModuleContext* context : contexts_) {
        for (std::uint32_t index = 0; index < context->qstr_ids.size(); ++index) {
            context->qstr_id(index);
        }
    }
}

object::Runtime::InterningOrder Interpreter::interning_order(std::uint32_t id) const {
    InterningOrder order{id};
    const std::string_view text = name_text(id);
    std::uint32_t ordinal = 0;
    for (ModuleContext* context : contexts_) {
        // Contexts are in load order, so a later one cannot come first any more.
        if (context->first_id_after_load > order.stamp) {
            break;
        }
        ++ordinal;
        for (std::uint32_t index = 0; index < context->qstr_ids.size(); ++index) {
            const std::uint32_t known = context->qstr_ids[index];
            if (known == id || (known == 0 && context->image.qstr(index) == text)) {
                order = std::min(order,
                                 InterningOrder{context->first_id_after_load, 0, ordinal, index});
                break;
            }
        }
    }
    return order;
}

object::Result<Value> Interpreter::run_context(ModuleContext* context, Value globals,
                                               Value locals) {
    // As MicroPython's code_execute(): the code's functions see the globals of its latest run.
    context->globals = globals;
    const image::RawCode* root = &context->image.root();
    auto* function = make<FunctionObject>(0, root, context,
                                          context->qstr_id(context->image.name_qstr(*root)), 0, 0);
    if (function == nullptr) {
        return Value::empty();
    }
    function->set_verified();
    return call_function(Value::from_object(function), object::Arguments{}, locals);
}

object::Result<Value> Interpreter::run_source(std::string_view source, std::string_view name,
                                              SourceKind kind, Value globals, Value locals) {
    SourceCompiler compiler = module_registry_.compiler;
    if (compiler == nullptr) {
        return raise_new(&object::not_implemented_error_type, no_compiler_message);
    }
    Value image = compiler(*this, source, name, kind);
    if (image.is_empty()) {
        return Value::empty();
    }
    keep(image);
    // Transient, as exec's: a REPL statement that defines nothing leaves nothing behind.
    ModuleContext* context = load_code(*this, image, true);
    if (context == nullptr) {
        return Value::empty();
    }
    Value result = run_context(context, globals, locals);
    release_code(*this, context);
    return result;
}

Value Interpreter::main_globals() {
    if (main_module_.is_empty()) {
        Value globals = object::make_dict(*this);
        if (globals.is_empty() ||
            !object::dict_store_name(*this, object::as_dict(globals), object::names::dunder_name,
                                     Value::from_interned_string(object::names::dunder_main))) {
            return Value::empty();
        }
        main_module_ = object::make_module(*this, object::names::dunder_main, globals,
                                           object::ModuleAccess::writable);
        if (main_module_.is_empty()) {
            return Value::empty();
        }
    }
    return static_cast<object::ModuleObject*>(main_module_.as_object())->globals;
}

namespace {

// A built-in module's per-VM state: a heap cell holding `definition->state_size` bytes after
// this header, so the state counts against the heap limit.
struct ModuleStateObject : object::Object {
    const ModuleDefinition* definition;

    static constexpr std::size_t header_size =
        (sizeof(object::Object) + sizeof(const ModuleDefinition*) + alignof(std::max_align_t) - 1) /
        alignof(std::max_align_t) * alignof(std::max_align_t);

    ModuleStateObject(const object::Type* type, const ModuleDefinition* owner)
        : Object(type), definition(owner) {}
    void* bytes() { return reinterpret_cast<char*>(this) + header_size; }
};

void trace_module_state(gc::Cell* cell, gc::Tracer& tracer) {
    auto* state = static_cast<ModuleStateObject*>(cell);
    if (state->definition->trace_state != nullptr) {
        state->definition->trace_state(state->bytes(), tracer);
    }
}

// Never visible to Python: only the VM's module table refers to state cells.
constinit const object::Type module_state_type{
    object::names::module, &object::object_type, {}, {}, 0, trace_module_state};

bool store_members(Interpreter& interpreter, object::DictObject* dict,
                   const ModuleDefinition& definition) {
    for (const object::NativeFunction& function : definition.functions) {
        if (!object::dict_store_name(interpreter, dict, function.name,
                                     Value::from_object(&function))) {
            return false;
        }
    }
    for (const object::Attribute& attribute : definition.objects) {
        if (!object::dict_store_name(interpreter, dict, attribute.name,
                                     Value::from_object(attribute.object))) {
            return false;
        }
    }
    return true;
}

// Builds this VM's instance of `definition`: state, globals, module object.
bool instantiate(Interpreter& interpreter, const ModuleDefinition& definition,
                 Interpreter::ModuleInstance& instance) {
    void* state = nullptr;
    if (definition.state_size != 0) {
        auto* cell = interpreter.make<ModuleStateObject>(
            ModuleStateObject::header_size - sizeof(ModuleStateObject) + definition.state_size,
            &module_state_type, &definition);
        if (cell == nullptr) {
            return false;
        }
        state = cell->bytes();
        std::memset(state, 0, definition.state_size);
        instance.state = Value::from_object(cell);
    }
    Value globals = object::make_dict(interpreter);
    if (globals.is_empty()) {
        return false;
    }
    object::DictObject* dict = object::as_dict(globals);
    if (!object::dict_store_name(interpreter, dict, object::names::dunder_name,
                                 Value::from_interned_string(definition.name)) ||
        !store_members(interpreter, dict, definition)) {
        return false;
    }
    if (definition.initialise != nullptr && !definition.initialise(interpreter, globals, state)) {
        return false;
    }
    Value module =
        object::make_module(interpreter, definition.name, globals, object::ModuleAccess::read_only);
    if (module.is_empty()) {
        return false;
    }
    static_cast<object::ModuleObject*>(module.as_object())->settable_names =
        definition.settable_names;
    instance.module = module;
    return true;
}

Interpreter& interpreter_of(object::Runtime& runtime) { return static_cast<Interpreter&>(runtime); }

// The builtins namespace that every VM made with the same registry fills the same way: fixed
// names bound to constant objects. The first VM builds it on its heap and publishes a copy
// outside any heap (object::share_dict_storage()); every later VM's builtins dict reads that
// copy in place, and copies it to its own heap only when a program changes the namespace. So
// an idle VM costs no builtins table. Written once, then only read, by any thread: the one
// piece of process-wide data, and it is immutable.
struct SharedBuiltins {
    const ModuleDefinition* definition;
    std::span<const std::string_view> names;  // the registry's appended names (the ids)
    const object::DictStorage* storage;
};

std::atomic<const SharedBuiltins*> shared_builtins{nullptr};

bool same_registry(const SharedBuiltins& shared, const ModuleDefinition* definition,
                   std::span<const std::string_view> names) {
    return shared.definition == definition && shared.names.data() == names.data() &&
           shared.names.size() == names.size();
}

// Publishes `dict` as the shared builtins, unless another thread did first.
void publish_builtins(object::DictObject* dict, const ModuleDefinition* definition,
                      std::span<const std::string_view> names) {
    if (shared_builtins.load(std::memory_order_acquire) != nullptr) {
        return;
    }
    const object::DictStorage* storage = object::share_dict_storage(dict);
    if (storage == nullptr) {
        return;
    }
    auto* shared = new (std::nothrow) SharedBuiltins{definition, names, storage};
    const SharedBuiltins* expected = nullptr;
    if (shared == nullptr ||
        !shared_builtins.compare_exchange_strong(expected, shared, std::memory_order_acq_rel)) {
        object::release_shared_dict_storage(storage);
        delete shared;
    }
}

}  // namespace

bool initialize_builtins(Interpreter& interpreter) {
    Value builtins = object::make_dict(interpreter);
    Value modules = object::make_dict(interpreter);
    if (builtins.is_empty() || modules.is_empty()) {
        interpreter.clear_exception();
        interpreter.release_temporaries(0);
        return false;
    }
    interpreter.set_builtins(builtins);
    interpreter.set_modules(modules);
    bool complete = true;
    if (const ModuleDefinition* definition = interpreter.module_registry().builtins) {
        object::DictObject* dict = object::as_dict(builtins);
        const std::span<const std::string_view> names =
            interpreter.interned().appended_names().texts;
        const SharedBuiltins* shared = shared_builtins.load(std::memory_order_acquire);
        if (shared != nullptr && same_registry(*shared, definition, names)) {
            object::dict_use_shared_storage(dict, shared->storage);
            interpreter.release_temporaries(0);
            return true;
        }
        // As MicroPython's builtins module: code run in globals without __name__ (exec and
        // eval with a fresh dict) finds this one. A heap too small for the namespace makes the
        // VM unusable (its programs would miss names), which its maker reports.
        complete = object::dict_store_name(interpreter, dict, object::names::dunder_name,
                                           Value::from_interned_string(definition->name)) &&
                   store_members(interpreter, dict, *definition);
        if (complete && definition->initialise != nullptr) {
            complete = definition->initialise(interpreter, builtins, nullptr);
        }
        if (complete && shared == nullptr) {
            publish_builtins(dict, definition, names);
            // This VM too reads the shared copy, so every VM's namespace behaves alike; its
            // own table becomes garbage.
            shared = shared_builtins.load(std::memory_order_acquire);
            if (shared != nullptr && same_registry(*shared, definition, names)) {
                object::dict_use_shared_storage(dict, shared->storage);
            }
        }
    }
    interpreter.clear_exception();
    interpreter.release_temporaries(0);
    return complete;
}

Value Interpreter::instantiated_builtin_module(std::uint32_t id) const {
    std::span<const ModuleDefinition* const> definitions = module_registry_.modules;
    for (std::size_t index = 0; index < module_instances_.size(); ++index) {
        const ModuleDefinition* definition = index < definitions.size()
                                                 ? definitions[index]
                                                 : added_modules_[index - definitions.size()];
        if (definition->name == id && !module_instances_[index].module.is_empty()) {
            return module_instances_[index].module;
        }
    }
    return Value::empty();
}

// Finds a built-in module by its definition's name: a VM has a few dozen at most, so a scan
// costs less than any index would to build. Empty, with no exception pending, when there is
// none of that name.
Value Interpreter::find_builtin_module(std::uint32_t id, BuiltinLookup lookup) {
    // An alias must not answer with the file that shadows the module under its own name.
    const bool aliased = lookup == BuiltinLookup::u_alias;
    Value found =
        aliased ? Value::empty() : object::dict_find_name(*this, object::as_dict(modules()), id);
    if (!found.is_empty()) {
        return found;
    }
    if (id == object::names::dunder_main && !main_module_.is_empty()) {
        return main_module_;
    }
    std::span<const ModuleDefinition* const> definitions = module_registry_.modules;
    const std::size_t count = module_instances_.size();
    for (std::size_t step = 0; step < count; ++step) {
        // Those a host added (add_module()) first, then the registry's: a host's own module
        // replaces a standard one of the same name (a board's `machine` with its `Pin`).
        const std::size_t index = (definitions.size() + step) % count;
        const ModuleDefinition* definition = index < definitions.size()
                                                 ? definitions[index]
                                                 : added_modules_[index - definitions.size()];
        if (definition->name != id) {
            continue;
        }
        const bool wanted =
            lookup == BuiltinLookup::any ||
            (aliased ? definition->u_alias
                     : definition->extensible == (lookup == BuiltinLookup::extensible));
        if (!wanted) {
            return Value::empty();
        }
        ModuleInstance& instance = module_instances_[index];
        if (instance.module.is_empty() && !instantiate(*this, *definition, instance)) {
            return Value::empty();
        }
        if (!aliased &&
            !object::dict_store_name(*this, object::as_dict(modules()), id, instance.module)) {
            return Value::empty();
        }
        return instance.module;
    }
    const ModuleDefinition* builtins_definition = module_registry_.builtins;
    if (builtins_definition != nullptr && builtins_definition->name == id &&
        (lookup == BuiltinLookup::any || lookup == BuiltinLookup::fixed)) {
        // `import builtins`: a module over this VM's builtins namespace itself, so what a
        // program stores in it is what every global lookup falls back to.
        object::DictObject* dict = object::as_dict(builtins());
        Value module =
            object::dict_store_name(*this, dict, object::names::dunder_name,
                                    Value::from_interned_string(id))
                ? object::make_module(*this, id, builtins(), object::ModuleAccess::writable)
                : object::Raised{};
        if (module.is_empty() ||
            !object::dict_store_name(*this, object::as_dict(modules()), id, module)) {
            return Value::empty();
        }
        return module;
    }
    return Value::empty();
}

Value main_globals(object::Runtime& runtime) { return interpreter_of(runtime).main_globals(); }

ModuleContext* load_code(object::Runtime& runtime, Value image, bool transient) {
    Interpreter& interpreter = interpreter_of(runtime);
    const std::string_view bytes = object::bytes_view(image);
    // Loaded and verified with memory from this VM's heap, so the tables count in its limit.
    auto loaded = interpreter.load_image(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
    if (!loaded) {
        const support::Error& error = loaded.error();
        interpreter.raise_new(&object::value_error_type, error.message.starts_with("invalid .mpy: ")
                                                             ? std::string(error.message)
                                                             : error.describe());
        return nullptr;
    }
    SourceFile source;
    source.owner = image;
    return interpreter.make_context(std::move(*loaded), std::move(source), transient);
}

bool release_code(object::Runtime& runtime, ModuleContext* context) {
    // Only the outer code's function was ever made from an image without children, and it
    // has returned: nothing can run the code again, and nothing else points into it.
    if (!context->transient || !context->image.children(context->image.root()).empty()) {
        return false;
    }
    interpreter_of(runtime).release_context(context);
    return true;
}

object::Result<Value> run_code(object::Runtime& runtime, ModuleContext* context, Value globals,
                               Value locals) {
    return interpreter_of(runtime).run_context(context, globals, locals);
}

Value current_globals(object::Runtime& runtime) {
    Frame* frame = interpreter_of(runtime).current_frame();
    return frame == nullptr ? Value::empty() : frame->globals;
}

Value current_locals(object::Runtime& runtime) {
    Frame* frame = interpreter_of(runtime).current_frame();
    if (frame == nullptr) {
        return Value::empty();
    }
    return frame->locals.is_empty() ? frame->globals : frame->locals;
}

SourceCompiler source_compiler(object::Runtime& runtime) {
    return interpreter_of(runtime).module_registry().compiler;
}

void add_module(object::Runtime& runtime, const ModuleDefinition& definition) {
    interpreter_of(runtime).add_module(definition);
}

const HostServices& host_services(object::Runtime& runtime) {
    return interpreter_of(runtime).host_services();
}

std::span<const std::string> program_arguments(object::Runtime& runtime) {
    return interpreter_of(runtime).argv();
}

bool schedule_callback(object::Runtime& runtime, object::Value function, object::Value argument) {
    return interpreter_of(runtime).schedule(function, argument);
}

Frame* current_frame(object::Runtime& runtime) { return interpreter_of(runtime).current_frame(); }

object::Value handled_exception(object::Runtime& runtime) {
    return interpreter_of(runtime).handled_exception();
}

object::Value set_exit_function(object::Runtime& runtime, object::Value function) {
    Value previous = interpreter_of(runtime).exit_function();
    interpreter_of(runtime).set_exit_function(function);
    return previous.is_empty() ? Value::none() : previous;
}

void* module_state(object::Runtime& runtime, const ModuleDefinition& definition) {
    Interpreter& interpreter = interpreter_of(runtime);
    std::span<const ModuleDefinition* const> definitions = interpreter.module_registry().modules;
    for (std::size_t index = 0; index < definitions.size(); ++index) {
        if (definitions[index] == &definition) {
            Value state = interpreter.module_instances()[index].state;
            return state.is_empty() ? nullptr
                                    : static_cast<ModuleStateObject*>(state.as_object())->bytes();
        }
    }
    return nullptr;
}

}  // namespace xipy::vm
