// The _thread module: threads of the VM's program and their locks (vm/threads.hpp runs them).
#include <string>

#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/operations.hpp"
#include "object/printer.hpp"
#include "object/tuple_object.hpp"
#include "vm/threads.hpp"

#if XIPY_THREADS

namespace xipy::modules {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Value;

namespace {

// Per VM: the size _thread.stack_size() last set (0: the default). It is kept and reported as
// the reference does; a thread's native stack is the host's (ThreadSystem::max_threads).
struct ThreadModuleState {
    std::int64_t stack_size = 0;
};

bool initialise_thread(object::Runtime&, Value, void* state) {
    new (state) ThreadModuleState{};
    return true;
}

struct LockObject : object::Object {
    explicit LockObject(const object::Type* type) : Object(type) {}
    vm::ProgramLock lock;
};

LockObject* as_lock(Value value) { return static_cast<LockObject*>(value.as_object()); }

object::Result<Value> lock_acquire(object::Runtime& runtime, Arguments arguments) {
    bool wait = true;
    double timeout = -1;
    if (arguments.positional_count > 1) {
        auto flag = object::to_integer(runtime, arguments[1]);
        if (!flag) {
            return object::Raised{};
        }
        wait = *flag != 0;
    }
    if (arguments.positional_count > 2) {
        auto seconds = object::to_double(runtime, arguments[2]);
        if (!seconds) {
            return object::Raised{};
        }
        timeout = *seconds;
    }
    return vm::acquire_lock(runtime, as_lock(arguments[0])->lock, wait, timeout);
}

object::Result<Value> lock_release(object::Runtime& runtime, Arguments arguments) {
    LockObject* lock = as_lock(arguments[0]);
    if (!lock->lock.locked) {
        return runtime.raise_type(&object::runtime_error_type);
    }
    vm::release_lock(runtime, lock->lock);
    return Value::none();
}

object::Result<Value> lock_locked(object::Runtime&, Arguments arguments) {
    return Value::boolean(as_lock(arguments[0])->lock.locked);
}

object::Result<Value> lock_enter(object::Runtime& runtime, Arguments arguments) {
    if (!vm::acquire_lock(runtime, as_lock(arguments[0])->lock, true, -1)) {
        return object::Raised{};
    }
    return arguments[0];
}

object::Result<Value> lock_exit(object::Runtime& runtime, Arguments arguments) {
    return lock_release(runtime, Arguments{arguments.values, 1, 0});
}

constexpr NativeFunction lock_methods[] = {
    {names::acquire, NativeKind::method, 1, 3, lock_acquire},
    {names::release, NativeKind::method, 1, 1, lock_release},
    {names::locked, NativeKind::method, 1, 1, lock_locked},
    {names::dunder_enter, NativeKind::method, 1, 1, lock_enter},
    {names::dunder_exit, NativeKind::method, 1, 4, lock_exit},
};

constexpr object::Attribute lock_attributes[] = {
    {names::acquire, &lock_methods[0]},     {names::release, &lock_methods[1]},
    {names::locked, &lock_methods[2]},      {names::dunder_enter, &lock_methods[3]},
    {names::dunder_exit, &lock_methods[4]},
};

constinit const object::Type lock_type{names::lock, &object::object_type, object::TypeSlots{},
                                       lock_attributes};

object::Result<Value> thread_allocate_lock(object::Runtime& runtime, Arguments) {
    auto* lock = runtime.make<LockObject>(0, &lock_type);
    if (lock == nullptr) {
        return object::Raised{};
    }
    return Value::from_object(lock);
}

object::Result<Value> thread_start_new_thread(object::Runtime& runtime, Arguments arguments) {
    Value function = arguments[0];
    Value positional = arguments[1];
    if (!object::is_tuple(positional) && !object::is_list(positional)) {
        return runtime.raise_joined(
            &object::type_error_type,
            {"object '", object::type_name_of(runtime, positional), "' isn't a tuple or list"});
    }
    Value keywords = Value::empty();
    if (arguments.positional_count > 2) {
        keywords = arguments[2];
        if (!object::is_dict(keywords)) {
            return runtime.raise_new(&object::type_error_type, "expecting a dict for keyword args");
        }
    }
    if (!vm::threads_granted(runtime)) {
        return object::raise_os_error(runtime, object::error_permission);
    }
    return vm::start_thread(runtime, function, positional, keywords);
}

object::Result<Value> thread_get_ident(object::Runtime& runtime, Arguments) {
    return object::make_int(runtime, static_cast<std::int64_t>(vm::thread_identity(runtime)));
}

// As the reference: returns the size set before, and sets the new one (0 without argument).
object::Result<Value> thread_stack_size(object::Runtime& runtime, Arguments arguments) {
    auto& state = vm::module_state<ThreadModuleState>(runtime, thread_module);
    const std::int64_t previous = state.stack_size;
    std::int64_t size = 0;
    if (arguments.positional_count > 0) {
        auto requested = object::to_integer(runtime, arguments[0]);
        if (!requested) {
            return object::Raised{};
        }
        size = *requested;
    }
    state.stack_size = size;
    return object::make_int(runtime, previous);
}

object::Result<Value> thread_exit(object::Runtime& runtime, Arguments) {
    return runtime.raise_type(&object::system_exit_type);
}

constexpr NativeFunction thread_functions[] = {
    {names::allocate_lock, NativeKind::function, 0, 0, thread_allocate_lock},
    {names::exit, NativeKind::function, 0, 0, thread_exit},
    {names::get_ident, NativeKind::function, 0, 0, thread_get_ident},
    {names::stack_size, NativeKind::function, 0, 1, thread_stack_size},
    {names::start_new_thread, NativeKind::function, 2, 3, thread_start_new_thread},
};

constexpr object::Attribute thread_objects[] = {
    {names::lock_type_name, &lock_type},
};

}  // namespace

constinit const vm::ModuleDefinition thread_module{.name = names::thread_module,
                                                   .functions = thread_functions,
                                                   .objects = thread_objects,
                                                   .initialise = initialise_thread,
                                                   .state_size = sizeof(ThreadModuleState)};

}  // namespace xipy::modules

#endif
