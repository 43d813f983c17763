#pragma once
// The device under test as the harness core sees it: the shape of one generated accelerator
// (its configuration and derived values, as energon-gen computes them), and an abstract model
// that evaluates, keeps time, traces and exposes its ports by name. One Verilated
// configuration implements Dut through the template in sim/verilated_dut.h; the core (drivers,
// stream monitors) never includes Verilator.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "generator/accel_config.h"
#include "generator/gen_options.h"
#include "generator/golden_params.h"
#include "sim/port.h"

namespace energon::sim {

/// One generated accelerator configuration (FU and AU) and how this model of it was built.
/// The configuration and every derived width and count are energon-gen's own AccelConfig and
/// AccelDerived (generator/accel_config.h), never copied field by field: a model reads them back
/// from its params header's kConfigText (ShapeOfConfigText), energon-cosim-args from the
/// configuration file (cli::ShapeOfConfig), both with the generator's parser and Derive().
struct FuShape {
  std::string name;           ///< the build's name, e.g. "default" or "fault_compare_gt"
  gen::AccelConfig config;    ///< as resolved by energon-gen
  gen::AccelDerived derived;  ///< gen::Derive(config); derived.top.prefix is the module prefix
  bool traced = false;        ///< compiled with --trace-fst
  std::string fault;          ///< the fault injected into the RTL (test builds), or empty
  std::string build_flags;    ///< the Verilator command-line flags the model was built with
};

/// The shape of a configuration energon-gen parsed and derived, named `name`.
FuShape ShapeOf(std::string name, gen::Options parsed);

/// The shape of the configuration file text `text` (e.g. a params header's kConfigText),
/// parsed and derived by energon-gen's rules, named `name`. Throws golden::InputError.
FuShape ShapeOfConfigText(std::string name, const std::string& text);

/// What the golden model and its timing model take from `shape`, with a run's memory latency.
gen::GoldenParams GoldenParamsOf(const FuShape& shape, int mem_latency);

/// How to create one model instance.
struct DutOptions {
  /// Seed of Verilator's reset randomization (+verilator+seed+); 1..2^31-1. Every variable
  /// without a reset, and every input before the harness drives it, starts random.
  std::uint32_t reset_seed = 1;
  /// Allow tracing (Verilated::traceEverOn); needs a model built with --trace-fst.
  bool trace = false;
};

/// One model instance: owns its VerilatedContext and model; ports() stays valid for its life.
class Dut {
 public:
  virtual ~Dut() = default;

  [[nodiscard]] virtual PortTable& ports() = 0;
  /// Evaluates the model after advancing simulation time by `time_step` units.
  virtual void Eval(std::uint64_t time_step) = 0;
  /// Starts writing an FST trace (DutOptions::trace must have been set). Throws
  /// std::runtime_error when the file cannot be opened or the model has no tracing.
  virtual void StartTrace(const std::string& path) = 0;
  /// Writes the current values to the trace, if one is open.
  virtual void DumpTrace() = 0;
  /// Closes the trace, if one is open.
  virtual void StopTrace() = 0;
  /// Runs the model's final blocks; call once at the end.
  virtual void Final() = 0;
};

/// A compiled configuration: its shape and how to make an instance of it.
struct DutModel {
  FuShape shape;
  std::function<std::unique_ptr<Dut>(const DutOptions&)> make;
};

}  // namespace energon::sim
