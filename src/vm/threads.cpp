// The threads of one VM's program: the VM's lock, thread switches, program locks and stops.
#include "vm/threads.hpp"

#include <string>
#include <utility>
#include <vector>
#if XIPY_HOSTED
#include <thread>
#endif

#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/operations.hpp"
#include "object/roots.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "support/scratch_scope.hpp"
#include "vm/interpreter.hpp"

namespace xipy::vm {

using object::Value;

namespace {

// Unused in builds without threads.
[[maybe_unused]] Interpreter& interpreter_of(object::Runtime& runtime) {
    return static_cast<Interpreter&>(runtime);
}

}  // namespace

void Interpreter::swap_thread_state(ThreadState& other) {
    frames_.swap(other.frames);
    values_.swap(other.values);
    handlers_.swap(other.handlers);
    std::swap(inject_, other.inject);
    std::swap(step_budget_exhausted_, other.stopped);
    heap().swap_lock_depth(other.heap_lock_depth);
    object::Runtime::swap_thread_state(other.runtime);
}

void Interpreter::trace_thread_state(const ThreadState& state, gc::Tracer& tracer) {
    trace_frames(state.frames, tracer);
    trace_value(tracer, state.inject);
    for (Value value : state.runtime.temporaries) {
        trace_value(tracer, value);
    }
    trace_value(tracer, state.runtime.exception);
}

#if XIPY_THREADS

// A thread of the program. Each record is a block of the VM's heap, so it counts against the
// heap limit; a finished thread's record waits until the next start or the VM's end joins its
// host thread and frees it.
struct ThreadSystem::Record {
    Record(gc::Heap& heap, std::uint64_t identity) : state(heap), identity(identity) {}
    Interpreter::ThreadState state;  // saved while another thread runs
    std::uint64_t identity;
    std::thread thread;
    // Set (under the mutex) by the host's interrupt and the VM's end: the thread stops at its
    // next poll or wait. Read by the thread itself while it runs.
    std::atomic<bool> stop{false};
    bool finished = false;  // its host thread no longer touches the VM: join it
    // What start() was given, kept as roots until the thread has them on its own root stack.
    Value function;
    Value arguments;
    Value keywords;
};

ThreadSystem::ThreadSystem(Interpreter& interpreter, Record* host) : interpreter_(interpreter) {
    records_.push_back(host);
    running_ = host;
}

ThreadSystem::Record* ThreadSystem::make_record(gc::Heap& heap, std::uint64_t identity) {
    void* memory = heap.allocate_block(sizeof(Record));
    return memory == nullptr ? nullptr : new (memory) Record(heap, identity);
}

void ThreadSystem::free_record(Record* record) {
    gc::Heap& heap = interpreter_.heap();
    record->~Record();
    heap.free_block(record, sizeof(Record));
}

ThreadSystem::~ThreadSystem() {
    std::unique_lock guard(mutex_);
    Record& host = *running_;
    for (Record* record : records_) {
        record->stop.store(record != &host, std::memory_order_relaxed);
    }
    // Every thread must run once more to unwind: hand them the lock until all have finished.
    give_lock(host, guard);
    for (Record* record : records_) {
        if (record != &host && record->thread.joinable()) {
            guard.unlock();
            record->thread.join();
            guard.lock();
        }
    }
    take_lock(host, guard);
    for (Record* record : records_) {
        free_record(record);
    }
}

ThreadSystem* Interpreter::make_threads() {
    if (threads_ == nullptr) {
        ThreadSystem::Record* host = ThreadSystem::make_record(heap(), 1);
        if (host == nullptr) {
            return nullptr;
        }
        threads_ = std::make_unique<ThreadSystem>(*this, host);
    }
    return threads_.get();
}

std::uint64_t ThreadSystem::running_identity() const { return running_->identity; }

void ThreadSystem::take_lock(Record& record, std::unique_lock<std::mutex>& guard, bool urgent) {
    const std::uint64_t ticket = next_ticket_++;
    if (urgent && serving_ != ticket) {
        interpreter_.request_attention();
    }
    while (serving_ != ticket) {
        if (changed_.wait_for(guard, switch_interval) == std::cv_status::timeout &&
            serving_ != ticket) {
            // The holder runs Python without waiting: ask it to hand the lock over.
            interpreter_.request_attention();
        }
    }
    running_ = &record;
    interpreter_.swap_thread_state(record.state);
}

void ThreadSystem::give_lock(Record& record, std::unique_lock<std::mutex>&) {
    interpreter_.swap_thread_state(record.state);
    running_ = nullptr;
    ++serving_;
    changed_.notify_all();
}

object::Status ThreadSystem::check_stop() {
    Record& record = *running_;
    const bool host = &record == records_.front();
    if (interpreter_.keyboard_interrupt_pending()) {
        {
            std::lock_guard guard(mutex_);
            for (Record* other : records_) {
                other->stop.store(other != records_.front(), std::memory_order_relaxed);
            }
            changed_.notify_all();
        }
        if (host) {
            interpreter_.clear_keyboard_interrupt();
            interpreter_.raise_type(&object::keyboard_interrupt_type);
            return object::Raised{};
        }
        interpreter_.request_attention();  // the host's thread raises it at its next poll
    }
    if (!host && record.stop.load(std::memory_order_relaxed)) {
        interpreter_.stop_running_thread();
        interpreter_.raise_type(&object::system_exit_type);
        return object::Raised{};
    }
    return object::succeeded();
}

object::Status ThreadSystem::attend() {
    if (!check_stop()) {
        return object::Raised{};
    }
    {
        std::unique_lock guard(mutex_);
        if (next_ticket_ - serving_ > 1) {
            Record& record = *running_;
            give_lock(record, guard);
            take_lock(record, guard);
        }
    }
    return check_stop();
}

object::Status ThreadSystem::wait_released(std::chrono::nanoseconds duration, bool until_release) {
    Record& record = *running_;
    {
        std::unique_lock guard(mutex_);
        const std::uint64_t releases = lock_releases_;
        give_lock(record, guard);
        const auto deadline = std::chrono::steady_clock::now() + duration;
        for (auto now = std::chrono::steady_clock::now(); now < deadline;
             now = std::chrono::steady_clock::now()) {
            if (record.stop.load(std::memory_order_relaxed) ||
                interpreter_.keyboard_interrupt_pending() ||
                (until_release && lock_releases_ != releases)) {
                break;
            }
            changed_.wait_until(guard, std::min(deadline, now + poll_interval));
        }
        // A thread back from a wait (a sleep that ended, a lock it can take) runs soon, as
        // a blocking call's caller expects: the holder hands over at its next poll.
        take_lock(record, guard, true);
    }
    return check_stop();
}

object::Status ThreadSystem::run_released(void (*work)(void*), void* context) {
    Record& record = *running_;
    {
        std::unique_lock guard(mutex_);
        give_lock(record, guard);
    }
    work(context);
    {
        std::unique_lock guard(mutex_);
        take_lock(record, guard, true);
    }
    return check_stop();
}

void ThreadSystem::lock_released() {
    std::lock_guard guard(mutex_);
    ++lock_releases_;
    changed_.notify_all();
}

void ThreadSystem::trace(gc::Tracer& tracer) {
    // Only the lock's holder collects, and only it changes the records: no mutex needed.
    for (Record* record : records_) {
        if (record != running_) {
            Interpreter::trace_thread_state(record->state, tracer);
        }
        for (Value value : {record->function, record->arguments, record->keywords}) {
            if (value.is_object()) {
                tracer.mark(value.as_object());
            }
        }
    }
}

void ThreadSystem::reap_finished() {
    auto kept = records_.begin();
    for (Record* record : records_) {
        if (record->finished) {
            record->thread.join();
            free_record(record);
        } else {
            *kept++ = record;
        }
    }
    records_.erase(kept, records_.end());
}

object::Result<Value> ThreadSystem::start(Value function, Value arguments, Value keywords) {
    // The identity first: making the int may collect, which must see no half-made record.
    auto identity = object::make_int(interpreter_, static_cast<std::int64_t>(next_identity_));
    if (!identity) {
        return object::Raised{};
    }
    object::Root held_identity(interpreter_, *identity);
    std::unique_lock guard(mutex_);
    reap_finished();
    if (records_.size() >= max_threads) {
        return interpreter_.raise_new(&object::os_error_type, "can't create thread");
    }
    Record* record = make_record(interpreter_.heap(), next_identity_);
    if (record == nullptr) {
        return interpreter_.raise_memory_error();
    }
    record->function = function;
    record->arguments = arguments;
    record->keywords = keywords;
    // The new thread waits for the VM's lock, which this one holds until it polls or waits.
#if __cpp_exceptions
    try {
        record->thread = std::thread([this, record] { run(record); });
    } catch (...) {
        free_record(record);
        return interpreter_.raise_new(&object::os_error_type, "can't create thread");
    }
#else
    record->thread = std::thread([this, record] { run(record); });
#endif
    records_.push_back(record);
    ++next_identity_;
    return held_identity.get();
}

namespace {

// Calls function(*arguments, **keywords); the three are rooted by the caller.
object::Result<Value> call_with(Interpreter& interpreter, Value function, Value arguments,
                                Value keywords) {
    std::vector<Value> values;
    for (Value item : object::sequence_items(arguments)) {
        values.push_back(item);
    }
    std::uint32_t keyword_count = 0;
    if (!keywords.is_empty()) {
        object::DictObject* dict = object::as_dict(keywords);
        std::uint32_t position = 0;
        object::DictEntry* entry = nullptr;
        while (object::dict_next(dict, position, entry)) {
            if (!object::is_str(entry->key)) {
                return interpreter.raise_new(&object::type_error_type, "keywords must be strings");
            }
            Value name = interpreter.intern(object::str_view(interpreter, entry->key));
            values.push_back(name);
            values.push_back(entry->value);
            ++keyword_count;
        }
    }
    const auto positional = static_cast<std::uint32_t>(object::sequence_items(arguments).size());
    return object::call(interpreter, function,
                        object::Arguments{values.data(), positional, keyword_count});
}

}  // namespace

void ThreadSystem::run(Record* record) {
    Interpreter& interpreter = interpreter_;
    // A program's thread does the VM's scratch work in the VM's heap, as its main thread does
    // (the scope is per host thread); it only ever runs holding the VM's lock.
    support::ScratchScope scratch(interpreter.scratch_memory());
    {
        std::unique_lock guard(mutex_);
        take_lock(*record, guard);
    }
    if (!record->stop.load(std::memory_order_relaxed)) {
        const Value function = record->function;
        if (!call_with(interpreter, function, record->arguments, record->keywords)) {
            // As the reference: SystemExit (_thread.exit()) ends the thread quietly, any other
            // exception is printed with the function that started the thread.
            const Value exception = interpreter.take_exception();
            const object::Type* type = object::type_of(exception);
            if (!record->stop.load(std::memory_order_relaxed) &&
                !object::is_subtype(type, &object::system_exit_type)) {
                object::Root held(interpreter, exception);
                std::string text = "Unhandled exception in thread started by ";
                auto function_text = object::repr_text(interpreter, function);
                interpreter.clear_exception();
                text += function_text ? *function_text : "<function>";
                text += '\n';
                text += object::format_traceback(interpreter, exception);
                interpreter.write(object::OutputStream::standard_error, text);
            }
        }
    }
    interpreter.clear_exception();
    interpreter.release_temporaries(0);
    std::unique_lock guard(mutex_);
    record->function = record->arguments = record->keywords = Value::empty();
    {
        // This thread's stacks go back to the heap now, while it still holds the VM's lock.
        Interpreter::ThreadState spent(interpreter.heap());
        interpreter.swap_thread_state(spent);
    }
    record->finished = true;
    running_ = nullptr;
    ++serving_;
    changed_.notify_all();
}

#endif

// ---- what native module code asks

bool threads_granted(object::Runtime& runtime) {
#if XIPY_THREADS
    return interpreter_of(runtime).host_services().threads;
#else
    (void)runtime;
    return false;
#endif
}

object::Status sleep_released(object::Runtime& runtime, std::chrono::nanoseconds duration) {
#if XIPY_THREADS
    if (ThreadSystem* threads = interpreter_of(runtime).threads()) {
        return threads->wait_released(duration, false);
    }
#endif
#if XIPY_HOSTED
    // In slices that poll for an interrupt.
    const auto deadline = std::chrono::steady_clock::now() + duration;
    for (auto now = std::chrono::steady_clock::now(); now < deadline;
         now = std::chrono::steady_clock::now()) {
        std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
            deadline - now, std::chrono::milliseconds(20)));
        if (!runtime.charge_native_work(0)) {
            return object::Raised{};
        }
    }
#else
    (void)runtime;
    (void)duration;
#endif
    return object::succeeded();
}

object::Status run_released(object::Runtime& runtime, void (*work)(void*), void* context) {
#if XIPY_THREADS
    if (ThreadSystem* threads = interpreter_of(runtime).threads()) {
        return threads->run_released(work, context);
    }
#endif
    work(context);
    return runtime.charge_native_work(0);
}

object::Result<Value> start_thread(object::Runtime& runtime, Value function, Value arguments,
                                   Value keywords) {
#if XIPY_THREADS
    ThreadSystem* threads = interpreter_of(runtime).make_threads();
    if (threads == nullptr) {
        return runtime.raise_memory_error();
    }
    return threads->start(function, arguments, keywords);
#else
    (void)function;
    (void)arguments;
    (void)keywords;
    return object::raise_os_error(runtime, object::error_permission);
#endif
}

std::uint64_t thread_identity(object::Runtime& runtime) {
#if XIPY_THREADS
    if (ThreadSystem* threads = interpreter_of(runtime).threads()) {
        return threads->running_identity();
    }
#endif
    (void)runtime;
    return 1;
}

object::Result<Value> acquire_lock(object::Runtime& runtime, ProgramLock& lock, bool wait,
                                   double timeout) {
    if (!lock.locked) {
        lock.locked = true;
        return Value::true_value();
    }
    if (!wait) {
        return Value::false_value();
    }
#if XIPY_THREADS
    if (ThreadSystem* threads = interpreter_of(runtime).threads()) {
        const auto start = std::chrono::steady_clock::now();
        const auto limit = timeout < 0
                               ? std::chrono::steady_clock::duration::max()
                               : std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                     std::chrono::duration<double>(timeout));
        while (lock.locked) {
            const auto waited = std::chrono::steady_clock::now() - start;
            if (waited >= limit) {
                return Value::false_value();
            }
            const auto rest = std::min<std::chrono::steady_clock::duration>(
                limit - waited, std::chrono::seconds(1));
            if (!threads->wait_released(rest, true)) {
                return object::Raised{};
            }
        }
        lock.locked = true;
        return Value::true_value();
    }
#endif
    // No other thread exists that could release it: wait for the timeout or an interrupt.
    const auto deadline = timeout < 0
                              ? std::chrono::steady_clock::time_point::max()
                              : std::chrono::steady_clock::now() +
                                    std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                        std::chrono::duration<double>(timeout));
    while (std::chrono::steady_clock::now() < deadline) {
        if (!sleep_released(runtime, std::chrono::milliseconds(20))) {
            return object::Raised{};
        }
    }
    return Value::false_value();
}

void release_lock(object::Runtime& runtime, ProgramLock& lock) {
    lock.locked = false;
#if XIPY_THREADS
    if (ThreadSystem* threads = interpreter_of(runtime).threads()) {
        threads->lock_released();
    }
#else
    (void)runtime;
#endif
}

}  // namespace xipy::vm
