#pragma once
// The Dut of one Verilated model: included only by the per-configuration adapter that the
// build generates (sim/cmake/dut_adapter.cc.in), which binds every port of the model by name.
// Model is the Verilated class (V<prefix>fu_top); kTraced says it was built with --trace-fst.

#include <verilated.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "sim/dut.h"
#include "sim/port.h"

#if VM_TRACE_FST
#include <verilated_fst_c.h>
#endif

namespace energon::sim {

/// A PortRef to a Verilated port of `width` bits: CData, SData, IData or QData.
template <typename T>
requires std::is_integral_v<T> PortRef VerilatedPort(T& port, int width) {
  static_assert(sizeof(T) == 1 || sizeof(T) == 2 || sizeof(T) == 4 || sizeof(T) == 8);
  constexpr PortRef::Storage kStorage = sizeof(T) == 1   ? PortRef::Storage::kU8
                                        : sizeof(T) == 2 ? PortRef::Storage::kU16
                                        : sizeof(T) == 4 ? PortRef::Storage::kU32
                                                         : PortRef::Storage::kU64;
  return PortRef(&port, kStorage, width);
}

/// A PortRef to a Verilated port wider than 64 bits.
template <std::size_t kWords>
PortRef VerilatedPort(VlWide<kWords>& port, int width) {
  static_assert(sizeof(EData) == 4);
  return PortRef(port.data(), PortRef::Storage::kWords, width, static_cast<int>(kWords));
}

template <typename Model, bool kTraced>
class VerilatedDut final : public Dut {
 public:
  explicit VerilatedDut(const DutOptions& options)
      : context_(std::make_unique<VerilatedContext>()), trace_allowed_(kTraced && options.trace) {
    // Reset randomization: every variable and input starts with a seeded random value, so a
    // register without reset shows up as a mismatch that the seed reproduces.
    context_->randReset(2);
    context_->randSeed(static_cast<int>(options.reset_seed));
    context_->traceEverOn(trace_allowed_);
    context_->fatalOnError(false);
    model_ = std::make_unique<Model>(context_.get(), "dut");
  }

  ~VerilatedDut() override { StopTrace(); }
  VerilatedDut(const VerilatedDut&) = delete;
  VerilatedDut& operator=(const VerilatedDut&) = delete;

  [[nodiscard]] Model& model() { return *model_; }
  [[nodiscard]] PortTable& ports() override { return ports_; }

  void Eval(std::uint64_t time_step) override {
    context_->timeInc(time_step);
    model_->eval();
  }

  void StartTrace(const std::string& path) override {
#if VM_TRACE_FST
    if constexpr (kTraced) {
      if (!trace_allowed_) {
        throw std::runtime_error("tracing was not enabled when the model was created");
      }
      trace_ = std::make_unique<VerilatedFstC>();
      model_->trace(trace_.get(), 99);
      trace_->open(path.c_str());
      if (!trace_->isOpen()) {
        trace_.reset();
        throw std::runtime_error("cannot open '" + path + "' for writing");
      }
      return;
    }
#endif
    throw std::runtime_error("this model was built without --trace-fst; cannot write " + path);
  }

  void DumpTrace() override {
#if VM_TRACE_FST
    if (trace_) trace_->dump(context_->time());
#endif
  }

  void StopTrace() override {
#if VM_TRACE_FST
    if (trace_) {
      trace_->close();
      trace_.reset();
    }
#endif
  }

  void Final() override { model_->final(); }

 private:
  std::unique_ptr<VerilatedContext> context_;
  bool trace_allowed_;
  std::unique_ptr<Model> model_;
  PortTable ports_;
#if VM_TRACE_FST
  std::unique_ptr<VerilatedFstC> trace_;
#endif
};

}  // namespace energon::sim
