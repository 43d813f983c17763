#pragma once
// The accelerator's FU-side port interface (docs/fu-microarchitecture.md) in the harness's
// terms; the AU's streams are registered as generic monitors (sim/au_streams.h): typed inputs to drive and typed samples of the output streams, over the
// PortTable of any configuration. Rounds are numbered from 1 as in the port names.

#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include "sim/dut.h"
#include "sim/port.h"

namespace energon::sim {

/// One transfer of a round's row-statistics probe (r<r>_row_*), signed fields sign-extended.
struct RowSample {
  std::int64_t query = 0;
  std::int64_t m = 0;
  std::int64_t sum = 0;
  std::int64_t max = 0;
  std::int64_t min = 0;
  std::int64_t t = 0;
  friend bool operator==(const RowSample&, const RowSample&) = default;
};

/// One survivor beat (r<r>_surv_*): `index` and `score` hold every lane; only lanes
/// 0..count-1 carry survivors.
struct SurvSample {
  std::int64_t query = 0;
  int count = 0;
  bool last = false;
  std::vector<std::int64_t> index;
  std::vector<std::int64_t> score;
  /// Same query, count, last and survivors (lanes below count).
  [[nodiscard]] bool SameTransfer(const SurvSample& other) const;
};

class FuPorts {
 public:
  /// Looks up every port of `shape` in `ports` (throws std::logic_error naming a missing one).
  FuPorts(const FuShape& shape, PortTable& ports);

  [[nodiscard]] const FuShape& shape() const { return shape_; }
  [[nodiscard]] bool has_row_probe(int round) const { return rounds_[round - 1].row_valid.bound(); }
  [[nodiscard]] bool has_surv(int round) const { return rounds_[round - 1].surv_valid.bound(); }

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
  void SetRowReady(int round, bool ready) { rounds_[round - 1].row_ready.SetBool(ready); }
  void SetSurvReady(int round, bool ready) { rounds_[round - 1].surv_ready.SetBool(ready); }

  // Outputs, after Dut::Eval.
  [[nodiscard]] bool kload_ready() const { return kload_ready_.GetBool(); }
  [[nodiscard]] bool query_ready() const { return query_ready_.GetBool(); }
  [[nodiscard]] bool idle() const { return idle_.GetBool(); }
  [[nodiscard]] bool row_valid(int round) const { return rounds_[round - 1].row_valid.GetBool(); }
  [[nodiscard]] bool surv_valid(int round) const { return rounds_[round - 1].surv_valid.GetBool(); }
  [[nodiscard]] RowSample ReadRow(int round) const;
  void ReadSurv(int round, SurvSample& out) const;

 private:
  struct RoundPorts {
    PortRef row_valid, row_ready, row_query, row_m, row_sum, row_max, row_min, row_t;
    PortRef surv_valid, surv_ready, surv_query, surv_count, surv_last, surv_index, surv_score;
  };

  static void Scramble(PortRef& port, std::mt19937_64& rng);

  FuShape shape_;
  PortRef clk_, rst_n_, cfg_n_keys_, cfg_causal_, cfg_alpha_, cfg_scale_m_, cfg_scale_e_;
  PortRef kload_valid_, kload_ready_, kload_index_, kload_data_;
  PortRef query_valid_, query_ready_, query_index_, query_data_;
  PortRef idle_;
  std::vector<RoundPorts> rounds_;
  std::vector<PortRef> inputs_;
};

}  // namespace energon::sim
