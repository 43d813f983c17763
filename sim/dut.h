#pragma once
// The device under test as the harness core sees it: the shape of one generated accelerator
// (its params header, as numbers), and an abstract model that evaluates, keeps time, traces and
// exposes its ports by name. One Verilated configuration implements Dut through the template
// in sim/verilated_dut.h; the core (drivers, monitors, scoreboard) never includes Verilator.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "golden/rounds.h"
#include "sim/port.h"

namespace energon::sim {

/// One generated accelerator configuration (FU and AU): the chosen parameters and the derived
/// widths of its params header (docs/fu-microarchitecture.md, docs/au-microarchitecture.md),
/// plus how this model was built.
struct FuShape {
  std::string name;    ///< the build's name, e.g. "default" or "fault_compare_gt"
  std::string prefix;  ///< module prefix, e.g. "energon_d64_n512_l16_r4x2_4x4_"
  std::string top;     ///< top module, <prefix>fu_top
  int d = 64;
  int n_max = 512;
  int lanes = 16;
  int num_rounds = 2;
  bool probes = true;
  std::vector<golden::RoundWidths> rounds;
  int idx_w = 9;
  int cnt_w = 10;
  int qidx_w = 16;
  int score_w = 14;
  int sum_w = 24;
  int lane_cnt_w = 5;
  int div_cycles = 13;                 ///< quotient bits of the widest round's divider
  std::vector<int> round_div_cycles;   ///< per round: threshold divider cycles (kRoundDivCycles)
  // The attention unit.
  int au_lanes = 4;
  int pv_lanes = 4;
  int fetch_rows = 4;
  int fx = 8;
  int pb = 15;
  int logit_w = 38;
  int p_w = 16;
  int z_w = 25;
  int acnt_w = 3;
  int pcnt_w = 3;
  int fcnt_w = 3;
  int div_groups = 4;
  int div_latency = 18;
  int query_slots = 10;     ///< query store slots (queries before the logit stage ends)
  bool traced = false;      ///< compiled with --trace-fst
  std::string fault;        ///< the fault injected into the RTL (test builds), or empty
  std::string build_flags;  ///< the Verilator command-line flags the model was built with
};

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
