#pragma once
// The accelerator's driven inputs (docs/fu-microarchitecture.md) in the harness's terms: clock,
// reset, configuration, K row loads and queries, over the PortTable of any configuration. The
// output and probe streams are generic monitors (sim/fu_streams.h, sim/au_streams.h).

#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include "sim/dut.h"
#include "sim/port.h"

namespace energon::sim {

class FuPorts {
 public:
  /// Looks up every port of `shape` in `ports` (throws std::logic_error naming a missing one).
  FuPorts(const FuShape& shape, PortTable& ports);

  [[nodiscard]] const FuShape& shape() const { return shape_; }

  // Inputs; they take effect at the next Dut::Eval.
  void ClearInputs();  ///< every input bit 0
  void SetClock(bool high) { clk_.SetBool(high); }
  void SetReset(bool asserted) { rst_n_.SetBool(!asserted); }
  /// n_k, the causal mask and A_r of every round (two's complement fields of cfg_alpha_i).
  void SetConfig(int n_keys, bool causal, std::span<const int> alpha);
  /// The softmax scale (M, E) of the head about to run.
  void SetScale(std::uint32_t m, int e) {
    cfg_scale_m_.Set(m);
    cfg_scale_e_.Set(static_cast<std::uint64_t>(e));
  }
  void SetKloadValid(bool valid) { kload_valid_.SetBool(valid); }
  void SetKloadData(int index, std::span<const std::int16_t> row);
  void SetQueryValid(bool valid) { query_valid_.SetBool(valid); }
  void SetQueryData(int index, std::span<const std::int16_t> row);
  /// Random bits on the K load or query index and data, for cycles without valid: a design
  /// that uses them without valid then fails.
  void ScrambleKload(std::mt19937_64& rng);
  void ScrambleQuery(std::mt19937_64& rng);

  // Outputs, after Dut::Eval.
  [[nodiscard]] bool kload_ready() const { return kload_ready_.GetBool(); }
  [[nodiscard]] bool query_ready() const { return query_ready_.GetBool(); }
  [[nodiscard]] bool idle() const { return idle_.GetBool(); }

 private:
  static void Scramble(PortRef& port, std::mt19937_64& rng);

  FuShape shape_;
  PortRef clk_, rst_n_, cfg_n_keys_, cfg_causal_, cfg_alpha_, cfg_scale_m_, cfg_scale_e_;
  PortRef kload_valid_, kload_ready_, kload_index_, kload_data_;
  PortRef query_valid_, query_ready_, query_index_, query_data_;
  PortRef idle_;
  std::vector<PortRef> inputs_;
};

}  // namespace energon::sim
