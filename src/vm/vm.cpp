// Vm: the public face of an Interpreter, as the API layer and the CLI use it.
#include "vm/vm.hpp"

#include <algorithm>
#include <memory>
#include <new>

#include "gc/fixed_buffer.hpp"
#include "image/image.hpp"
#include "image/verifier.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/module_object.hpp"
#include "object/names.hpp"
#include "object/operations.hpp"
#include "object/tuple_object.hpp"
#include "support/scratch_scope.hpp"
#include "vm/interpreter.hpp"

namespace xipy::vm {

namespace {

// What sys.atexit registered runs once, when the program has ended (normally or not); an
// exception it raises is dropped, as the program's outcome is already decided.
void run_exit_function(Interpreter& interpreter) {
    object::Value function = interpreter.exit_function();
    interpreter.set_exit_function(object::Value::empty());
    if (function.is_empty() || function.is_none()) {
        return;
    }
    if (!object::call_positional(interpreter, function, std::span<const object::Value>{}).ok()) {
        interpreter.clear_exception();
    }
}

}  // namespace

using object::Value;

Vm::Vm(VmConfig config) {
    object::RuntimeConfig runtime_config;
    runtime_config.heap_limit_bytes = config.heap_limit_bytes;
    runtime_config.reallocate = config.reallocate;
    runtime_config.allocator_context = config.allocator_context;
    void* interpreter_place = nullptr;
    if (config.heap_buffer != nullptr) {
        // The interpreter and the allocator's own state take the buffer's first bytes, so a
        // VM over a fixed buffer needs no malloc for them; the heap gets the rest.
        void* start = config.heap_buffer;
        std::size_t space = config.heap_buffer_bytes;
        interpreter_place = std::align(alignof(Interpreter), sizeof(Interpreter), start, space);
        std::size_t heap_bytes = 0;
        if (interpreter_place != nullptr) {
            start = static_cast<char*>(interpreter_place) + sizeof(Interpreter);
            space -= sizeof(Interpreter);
            void* place = std::align(alignof(gc::FixedBufferAllocator),
                                     sizeof(gc::FixedBufferAllocator), start, space);
            if (place != nullptr) {
                heap_bytes = space - sizeof(gc::FixedBufferAllocator);
                auto* allocator = new (place) gc::FixedBufferAllocator(
                    static_cast<char*>(place) + sizeof(gc::FixedBufferAllocator), heap_bytes);
                runtime_config.reallocate = gc::FixedBufferAllocator::reallocate;
                runtime_config.allocator_context = allocator;
            } else {
                interpreter_place = nullptr;
            }
        }
        runtime_config.heap_limit_bytes = std::min(runtime_config.heap_limit_bytes, heap_bytes);
    }
    runtime_config.max_depth = config.max_depth;
    runtime_config.write_stdout = config.write_stdout;
    runtime_config.write_stderr = config.write_stderr;
    runtime_config.output_context = config.output_context;
    runtime_config.collect_on_every_allocation = config.collect_on_every_allocation;
    runtime_config.appended_names = config.modules.names;
    runtime_config.side_tables = config.side_tables;
    if (interpreter_place != nullptr) {
        interpreter_ = std::unique_ptr<Interpreter, InterpreterRelease>(
            new (interpreter_place)
                Interpreter(runtime_config, std::move(config.argv), config.modules),
            InterpreterRelease{true});
    } else {
        interpreter_ = std::unique_ptr<Interpreter, InterpreterRelease>(
            new Interpreter(runtime_config, std::move(config.argv), config.modules));
    }
    interpreter_->set_host_services(config.host);
    const support::SourceAllocator<char> heap_text(&interpreter_->heap_memory());
    exception_type_name_ = support::SourceString(heap_text);
    exception_message_ = support::SourceString(heap_text);
    traceback_text_ = support::SourceString(heap_text);
    max_steps_ = config.max_steps;
    for (auto& [point, source] : config.mounts) {
        interpreter_->mount(point, std::move(source), Value::empty());
    }
}

bool Vm::mount(std::string_view point, std::shared_ptr<ModuleSource> source) {
    return interpreter_->mount(point, std::move(source), Value::empty());
}

std::vector<std::span<const std::uint8_t>> Vm::loaded_images() const {
    std::vector<std::span<const std::uint8_t>> images;
    for (const auto& context : interpreter_->contexts()) {
        images.push_back(context->image.bytes());
    }
    return images;
}

bool Vm::add_module_path(std::string_view entry, bool first) {
    Interpreter& interpreter = *interpreter_;
    const bool added = vm::add_module_path(interpreter, entry, first);
    interpreter.clear_exception();
    interpreter.release_temporaries(0);
    return added;
}

Vm::~Vm() = default;

bool Vm::ready() const { return interpreter_->ready(); }

void InterpreterRelease::operator()(Interpreter* interpreter) const {
    if (in_buffer) {
        interpreter->~Interpreter();
    } else {
        delete interpreter;
    }
}

void Vm::begin_run() {
    load_error_.clear();
    // Emptied and given back, so the last run's report does not stay on the heap.
    for (support::SourceString* text :
         {&exception_type_name_, &exception_message_, &traceback_text_}) {
        text->clear();
        text->shrink_to_fit();
    }
    exit_code_ = 0;
    interpreter_->set_step_limit(max_steps_);
}

RunStatus Vm::run_image(std::span<const std::uint8_t> mpy, std::string_view file_path) {
    support::ScratchScope scratch(interpreter_->scratch_memory());
    begin_run();
    Interpreter& interpreter = *interpreter_;
    auto loaded = interpreter.load_image(mpy);
    if (!loaded) {
        // A heap too small for the image's tables is the program's MemoryError, as on
        // MicroPython, not a fault of the image.
        if (loaded.error().kind == support::ErrorKind::memory_error) {
            (void)interpreter.raise_load_error(loaded.error());
            return finish_run(Value::empty());
        }
        load_error_ = load_error_text(loaded.error());
        return RunStatus::bad_image;
    }
    if (!file_path.empty()) {
        return finish_run(interpreter.run_main_image(std::move(*loaded), file_path));
    }
    return finish_run(interpreter.run_module(std::move(*loaded), object::names::dunder_main));
}

RunStatus Vm::run_module(std::string_view name) {
    support::ScratchScope scratch(interpreter_->scratch_memory());
    begin_run();
    Interpreter& interpreter = *interpreter_;
    return finish_run(interpreter.run_main_module(name));
}

RunStatus Vm::run_source(std::string_view source, std::string_view name, SourceKind kind,
                         bool program_ends) {
    support::ScratchScope scratch(interpreter_->scratch_memory());
    begin_run();
    Interpreter& interpreter = *interpreter_;
    if (kind == SourceKind::single) {
        // As MicroPython's REPL at each prompt: a heap the last statement left locked
        // (micropython.heap_lock()) is unlocked, or this statement could not even compile.
        interpreter.heap().unlock_all();
    }
    Value globals = interpreter.main_globals();
    if (!globals.is_empty()) {
        interpreter.keep(globals);
        // As the unix port: a module's source (a file, -c, piped input) sets __file__ to its
        // name; a REPL statement leaves it alone.
        if (kind == SourceKind::file &&
            !object::dict_store_name(interpreter, object::as_dict(globals),
                                     object::names::dunder_file, interpreter.intern(name))) {
            globals = Value::empty();
        } else if (!interpreter.run_source(source, name, kind, globals, globals).ok()) {
            globals = Value::empty();
        }
    }
    return finish_run(globals, program_ends);
}

RunStatus Vm::finish_run(object::Value globals, bool program_ends) {
    Interpreter& interpreter = *interpreter_;
    if (!globals.is_empty()) {
        if (program_ends) {
            run_exit_function(interpreter);
        }
        interpreter.release_temporaries(0);
        return RunStatus::ok;
    }
    Value exception = interpreter.take_exception();
    // Keep the exception reachable while its text is computed.
    interpreter.keep(exception);
    exception_type_name_ = object::type_name_of(interpreter, exception);
    object::Printer message;
    object::write_exception_message(interpreter, exception, message);
    exception_message_ = message.text();
    object::append_traceback(interpreter, exception, traceback_text_);
    if (object::is_instance(exception, &object::system_exit_type)) {
        object::TupleObject* args = object::as_tuple(object::as_exception(exception)->args);
        Value code = args->length > 0 ? args->items()[0] : Value::none();
        if (code.is_none()) {
            exit_code_ = 0;
        } else if (object::is_int(code)) {
            auto value = object::int_to_int64(code);
            exit_code_ = value ? static_cast<int>(*value & 0xFF) : 1;
        } else {
            exit_code_ = 1;
            auto text = object::str_text(interpreter, code);
            interpreter.clear_exception();
            if (text) {
                interpreter.write(object::OutputStream::standard_error, *text + "\n");
            }
        }
    }
    interpreter.clear_exception();
    if (program_ends && !interpreter.step_budget_exhausted()) {
        run_exit_function(interpreter);
    }
    interpreter.release_temporaries(0);
    return interpreter.step_budget_exhausted() ? RunStatus::step_limit : RunStatus::exception;
}

RunStatus Vm::run_module_image(std::span<const std::uint8_t> mpy, std::string_view name,
                               Value& module) {
    support::ScratchScope scratch(interpreter_->scratch_memory());
    load_error_.clear();
    module = Value::empty();
    Interpreter& interpreter = *interpreter_;
    auto loaded = interpreter.load_image(mpy);
    if (!loaded) {
        if (loaded.error().kind == support::ErrorKind::memory_error) {
            (void)interpreter.raise_load_error(loaded.error());
            return RunStatus::exception;
        }
        load_error_ = load_error_text(loaded.error());
        return RunStatus::bad_image;
    }
    std::uint32_t id = interpreter.interned().intern_copy(name);
    Value globals = interpreter.run_module(std::move(*loaded), id);
    if (!globals.is_empty()) {
        module = object::make_module(interpreter, id, globals, object::ModuleAccess::writable);
        if (!module.is_empty() &&
            object::dict_store_name(interpreter, object::as_dict(interpreter.modules()), id,
                                    module)) {
            return RunStatus::ok;
        }
        module = Value::empty();
    }
    return interpreter.step_budget_exhausted() ? RunStatus::step_limit : RunStatus::exception;
}

void Vm::interrupt() { interpreter_->request_interrupt(); }

object::Runtime& Vm::runtime() { return *interpreter_; }

void Vm::restart_step_budget() { interpreter_->set_step_limit(max_steps_); }

std::string_view Vm::exception_type_name() const { return exception_type_name_; }
std::string_view Vm::exception_message() const { return exception_message_; }
std::string_view Vm::traceback_text() const { return traceback_text_; }
support::MemorySource& Vm::text_memory() { return interpreter_->heap_memory(); }
int Vm::exit_code() const { return exit_code_; }
std::string Vm::load_error() const { return load_error_; }

#ifdef XIPY_OPCODE_COUNTS
std::array<std::uint64_t, 256> Vm::opcode_counts() const { return interpreter_->opcode_counts(); }
#endif

void Vm::collect_garbage() { interpreter_->heap().collect(); }

Vm::HeapStatistics Vm::heap_statistics() const {
    const gc::Heap& heap = interpreter_->heap();
    HeapStatistics statistics;
    statistics.allocations = heap.allocations();
    statistics.collections = heap.collections();
    statistics.bytes_in_use = heap.bytes_in_use();
    statistics.bytes_reserved = heap.bytes_reserved();
    statistics.root_stack_capacity = interpreter_->root_stack_capacity();
    statistics.peak_bytes_in_use = heap.peak_bytes_in_use();
    statistics.bytes_allocated = heap.bytes_allocated();
    statistics.limit_bytes = heap.limit_bytes();
    statistics.stack_bytes = interpreter_->stack_bytes();
    return statistics;
}

Vm::SideTableStatistics Vm::side_table_statistics() const {
    SideTableStatistics statistics;
    for (const ModuleContext* context : interpreter_->contexts()) {
        statistics.name_cache_bytes += context->name_caches.bytes();
        statistics.name_caches += context->name_caches.cache_count();
    }
    statistics.class_lookup_bytes = interpreter_->class_lookups().bytes();
    statistics.spare_page_bytes = interpreter_->heap().spare_bytes();
    statistics.peak_spare_page_bytes = interpreter_->heap().peak_spare_bytes();
    return statistics;
}

}  // namespace xipy::vm
