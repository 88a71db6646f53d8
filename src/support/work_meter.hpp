// WorkMeter: how a long computation in a lower layer reports its progress and learns to stop.
#pragma once

#include <cstdint>

namespace xipy::support {

// The layers below the VM (number, text) know nothing of step budgets or host interrupts, yet
// some of their loops run for seconds on big inputs. They take an optional meter, tell it how
// much work they have done every so often, and stop early when it says so. The VM's meter
// charges the step budget and polls the interrupt flag (object::RuntimeWorkMeter).
class WorkMeter {
  public:
    // Adds `units` of work (about one per simple machine operation, such as one limb product
    // or one byte examined); false when the computation must stop. Callers batch their calls
    // (every few thousand units) so the meter costs nothing measurable.
    virtual bool charge(std::uint64_t units) = 0;
    // Adds `units` too few to charge on their own (what a short computation did in all): they
    // count, and the owner's next charge or check sees them. Never stops anything.
    // (By default they are dropped.)
    virtual void carry(std::uint64_t units) { (void)units; }

  protected:
    ~WorkMeter() = default;
};

// Charges a meter in batches: add() is cheap enough for an inner loop's outer level.
class WorkBatch {
  public:
    static constexpr std::uint64_t batch_units = 4096;

    explicit WorkBatch(WorkMeter* meter) : meter_(meter) {}
    // What was never charged is carried, so that many short computations add up.
    ~WorkBatch() {
        if (meter_ != nullptr && pending_ != 0) {
            meter_->carry(pending_);
        }
    }
    WorkBatch(const WorkBatch&) = delete;
    WorkBatch& operator=(const WorkBatch&) = delete;
    // False when the meter says stop.
    bool add(std::uint64_t units) {
        pending_ += units;
        if (pending_ < batch_units || meter_ == nullptr) {
            return true;
        }
        std::uint64_t charged = pending_;
        pending_ = 0;
        return meter_->charge(charged);
    }

  private:
    WorkMeter* meter_;
    std::uint64_t pending_ = 0;
};

}  // namespace xipy::support
