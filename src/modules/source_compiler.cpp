// compile_to_image(): Python source to a heap-held .mpy image, and compile errors to exceptions.
#include "modules/source_compiler.hpp"

#include <cstddef>

#include "compiler/compile.hpp"
#include "modules/standard_modules.hpp"
#include "object/bytes_object.hpp"
#include "object/exception_object.hpp"
#include "object/names.hpp"

namespace xipy::modules {

namespace {

const object::Type* exception_type_of(compiler::CompileErrorKind kind) {
    switch (kind) {
        case compiler::CompileErrorKind::syntax_error:
            return &object::syntax_error_type;
        case compiler::CompileErrorKind::indentation_error:
            return &object::indentation_error_type;
        case compiler::CompileErrorKind::not_implemented_error:
            return &object::not_implemented_error_type;
        case compiler::CompileErrorKind::memory_error:
            return &object::memory_error_type;
        case compiler::CompileErrorKind::runtime_error:
            return &object::runtime_error_type;
    }
    return &object::syntax_error_type;
}

compiler::InputKind input_kind_of(vm::SourceKind kind) {
    switch (kind) {
        case vm::SourceKind::single:
            return compiler::InputKind::single;
        case vm::SourceKind::eval:
            return compiler::InputKind::eval;
        case vm::SourceKind::file:
            break;
    }
    return compiler::InputKind::file;
}

}  // namespace

object::Value compile_to_image(object::Runtime& runtime, std::string_view source,
                               std::string_view source_name, vm::SourceKind kind) {
    compiler::CompileOptions options;
    options.input = input_kind_of(kind);
    options.optimisation = optimisation_level(runtime);
    // The compiler's working memory comes from the heap's scratch memory while there is room
    // (the C library's beyond it), and its own accounting stops it at what the heap could
    // still give: a VM cannot grow past its limit by compiling.
    const gc::Heap& heap = runtime.heap();
    options.memory_limit =
        heap.limit_bytes() > heap.bytes_in_use() ? heap.limit_bytes() - heap.bytes_in_use() : 0;
    compiler::CompileResult result = compiler::compile_source(source, source_name, options);
    if (!result.ok()) {
        const compiler::CompileError& error = result.error();
        runtime.raise_new(exception_type_of(error.kind), error.message);
        if (error.line != 0) {
            // As MicroPython reports it: the file and line, and the function the compile pass
            // was in (none for an error the parser found).
            object::Value exception = runtime.take_exception();
            runtime.keep(exception);
            const std::uint32_t scope = error.scope.empty()
                                            ? object::names::null_name
                                            : runtime.interned().intern_copy(error.scope);
            object::add_traceback(runtime, exception, runtime.interned().intern_copy(source_name),
                                  static_cast<std::uint32_t>(error.line), scope);
            if (!runtime.has_exception()) {
                runtime.set_exception(exception);
            }
        }
        return object::Value::empty();
    }
    const compiler::Vector<std::uint8_t>& image = result.image();
    return object::make_bytes(
        runtime, std::string_view(reinterpret_cast<const char*>(image.data()), image.size()));
}

}  // namespace xipy::modules
