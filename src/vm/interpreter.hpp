// Interpreter: the Runtime of one VM plus its frames, stacks and bytecode loop.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "image/image.hpp"
#include "object/runtime.hpp"
#include "vm/frame.hpp"
#include "vm/function_object.hpp"
#include "vm/generator_object.hpp"
#include "vm/module_context.hpp"

namespace xipy::vm {

// How a run of the loop ended.
enum class ExitKind : std::uint8_t { returned, yielded, raised };

struct ExecutionResult {
    ExitKind kind;
    object::Value value;  // the return or yielded value; empty when raised
};

// Invariants: frames_ is the chain of active Python frames, innermost last;
// each frame's state lives either in stack_ (stack_base.. + state_count,
// frames in stack order) or in its generator object; handlers likewise in
// handler_stack_ or the generator. stack_used_ / handlers_used_ are the
// first free indices. Every ModuleContext in contexts_ stays alive until
// the interpreter is destroyed.
class Interpreter : public object::Runtime {
  public:
    Interpreter(const object::RuntimeConfig& config, std::vector<std::string> argv);
    ~Interpreter() override;

    // Loads an image as the module `module_name`, runs its outer code and
    // returns the module's globals (empty when it raised).
    object::Value run_module(image::Image image, std::uint32_t module_name);

    // Calls a Python function from native code.
    object::Value call_function(object::Value function, object::Arguments arguments,
                                object::Value locals = object::Value::empty());
    // Resumes a generator with a value sent in or an exception thrown in.
    ExecutionResult resume(GeneratorObject* generator, object::Value send_value,
                           object::Value throw_value);

    object::Value import_module(object::Value name) override;
    void trace_roots(gc::Tracer& tracer) override;

    // The innermost Python frame, or null.
    Frame* current_frame() { return frames_.empty() ? nullptr : &frames_.back(); }
    const std::array<std::uint64_t, 256>& opcode_counts() const { return opcode_counts_; }

    // Fills a frame's locals from call arguments, as MicroPython's
    // mp_setup_code_state does (the closure's cells come first).
    bool bind_arguments(FunctionObject* function, object::Value* state,
                        object::Arguments arguments);

  private:
    // Pushes a frame for `function` with its arguments bound; false if it raised.
    bool push_frame(object::Value function, object::Arguments arguments, object::Value locals,
                    bool returns_to_native);
    void pop_frame();
    ExecutionResult run();
    object::Value make_generator(object::Value function, object::Arguments arguments);
    object::Value builtin_module(std::uint32_t name);

    std::vector<Frame> frames_;
    std::vector<object::Value> stack_;
    std::vector<ExceptionHandler> handler_stack_;
    std::uint32_t stack_used_ = 0;
    std::uint32_t handlers_used_ = 0;
    std::vector<std::unique_ptr<ModuleContext>> contexts_;
    std::vector<std::string> argv_;
    std::array<std::uint64_t, 256> opcode_counts_{};
    // An exception resume() throws into a generator, read by run() on entry.
    object::Value inject_;

    friend class Loop;
};

}  // namespace xipy::vm
