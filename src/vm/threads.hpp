// ThreadSystem: the threads of one VM's program (_thread), taking turns under the VM's lock.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

#include "object/runtime.hpp"
#include "object/value.hpp"

#if XIPY_THREADS
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "gc/heap.hpp"
#endif

namespace xipy::vm {

// ---- what native module code may ask, in every build (without threads these do the plain
// thing: there is nobody to hand the VM to)

// Sleeps `duration` with the VM's lock released, so the program's other threads run
// meanwhile; wakes early when the VM stops its threads. Hosted builds only.
// False with the exception pending when the thread was stopped or interrupted meanwhile.
object::Status sleep_released(object::Runtime& runtime, std::chrono::nanoseconds duration);
// Calls `work(context)`, a host call that may block for a while (poll() on sockets), with the
// VM's lock released, so the program's other threads run meanwhile; `work` must not touch the
// VM. Then checks for an interrupt (or a stop of this thread): false with the exception pending.
object::Status run_released(object::Runtime& runtime, void (*work)(void*), void* context);
// Whether the build has threads (XIPY_THREADS) and the host granted them to this VM.
bool threads_granted(object::Runtime& runtime);
// Starts function(*arguments, **keywords) on a new thread of this VM; its identity, or empty
// with the exception pending (MemoryError, or OSError when the thread cannot be made).
object::Result<object::Value> start_thread(object::Runtime& runtime, object::Value function,
                                           object::Value arguments, object::Value keywords);
// The running thread's identity: the host's thread is 1, each started thread the next number.
std::uint64_t thread_identity(object::Runtime& runtime);

// A lock of the program (_thread.allocate_lock()). Its state is guarded by the VM's lock, so it
// needs no host mutex; a thread that waits for it releases the VM's lock meanwhile.
struct ProgramLock {
    bool locked = false;
};
// Takes `lock`, waiting while another thread holds it when `wait` (at most `timeout` seconds
// when it is not negative): True if taken, False if not; empty with the exception pending
// when the wait was interrupted (KeyboardInterrupt) or the thread is being stopped.
object::Result<object::Value> acquire_lock(object::Runtime& runtime, ProgramLock& lock, bool wait,
                                           double timeout);
// Frees `lock` (held) and wakes the threads that wait for it.
void release_lock(object::Runtime& runtime, ProgramLock& lock);

#if XIPY_THREADS

class Interpreter;

// The model: every thread of a VM runs that VM's code and shares its heap, modules and
// globals, so only one runs Python at a time: the one that holds the VM's lock (a global
// interpreter lock, as MicroPython's unix port and CPython have). The holder's execution state
// (frames, value and handler stacks, root stack, pending exception, depths) is the
// interpreter's own; every other thread's is saved in its Record, and handing the lock over
// exchanges the two (Interpreter::swap_thread_state). The lock is released
//  - at the interpreter's periodic poll (backward jumps and calls) when another thread has
//    waited for it longer than switch_interval: the waiter raises the poll flag the step
//    budget and interrupts already use, so the loop's fast path costs nothing more;
//  - around every blocking wait: time.sleep(), a Lock.acquire() that waits.
// It is handed over in the order threads asked for it (a ticket lock), so none starves.
//
// The host's own thread (the one that created the VM or calls into it) is record 0; it holds
// the lock whenever it is not waiting, also between runs, so started threads run only while
// the host runs the VM's code. The host's interrupt (Vm::interrupt) stops every started thread
// and raises KeyboardInterrupt in the host's; destroying the VM stops them all and joins them.
// A stopped thread unwinds as the step budget's stop does: no except or finally runs.
class ThreadSystem {
  public:
    // How long a thread waits for the VM's lock before it asks the holder to hand it over.
    static constexpr std::chrono::microseconds switch_interval{1000};
    // How long a blocking wait sleeps before it looks for an interrupt (which a signal handler
    // raises, so it cannot wake a condition variable).
    static constexpr std::chrono::milliseconds poll_interval{20};

    // How many threads a VM may have at once, the host's included: each is a thread of the
    // host process, whose native stack lies outside the VM's heap.
    static constexpr std::size_t max_threads = 64;

    struct Record;
    // A record on `heap` (so it counts against the VM's heap limit), or null when it is full.
    static Record* make_record(gc::Heap& heap, std::uint64_t identity);

    // `host` (from make_record()) stands for the thread that holds the VM's lock now.
    ThreadSystem(Interpreter& interpreter, Record* host);
    // Stops every started thread and joins it; called by the host's thread, holding the lock.
    ~ThreadSystem();
    ThreadSystem(const ThreadSystem&) = delete;
    ThreadSystem& operator=(const ThreadSystem&) = delete;

    object::Result<object::Value> start(object::Value function, object::Value arguments,
                                        object::Value keywords);
    std::uint64_t running_identity() const;

    // The poll flag was raised: stops the running thread (false with the uncatchable stop
    // pending), raises the host's KeyboardInterrupt, or hands the lock to a waiting thread.
    object::Status attend();
    // Releases the VM's lock for `duration` (or until a lock is released, with `until_release`,
    // or the thread is stopped), then takes it back; checks for a stop or interrupt after.
    object::Status wait_released(std::chrono::nanoseconds duration, bool until_release);
    // Releases the VM's lock while `work(context)` runs, then takes it back; see run_released().
    object::Status run_released(void (*work)(void*), void* context);
    // Bumps the count of released locks, so wait_released(..., true) callers look again.
    void lock_released();
    std::uint64_t lock_release_count();

    void trace(gc::Tracer& tracer);

  private:
    void free_record(Record* record);
    // Waits for the VM's lock; `urgent` asks the holder to hand it over at once rather than
    // after switch_interval.
    void take_lock(Record& record, std::unique_lock<std::mutex>& guard, bool urgent = false);
    void give_lock(Record& record, std::unique_lock<std::mutex>& guard);
    void run(Record* record);
    object::Status check_stop();
    void reap_finished();

    Interpreter& interpreter_;
    std::mutex mutex_;
    // Signalled when the lock is handed over, a program lock is released or threads stop.
    std::condition_variable changed_;
    // The VM's lock as a ticket lock: a thread takes a ticket and holds the lock while
    // serving_ equals it. The host's thread holds ticket 0 from the start.
    std::uint64_t next_ticket_ = 1;
    std::uint64_t serving_ = 0;
    std::uint64_t lock_releases_ = 0;
    std::uint64_t next_identity_ = 2;
    std::vector<Record*> records_;  // the host's first
    Record* running_ = nullptr;     // whose state is the interpreter's
};

#endif

}  // namespace xipy::vm
