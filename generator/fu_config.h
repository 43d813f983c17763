#pragma once
// The filtering unit's (FU's) part of a configuration (docs/fu-microarchitecture.md): what a
// user chooses, its one validation and the one derivation of every FU width. D and N_MAX are
// the FU's; the AU's derivation takes them too (generator/accel_config.h joins the parts).

#include <vector>

#include "golden/rounds.h"

namespace energon::gen {

/// What a user chooses for the FU (energon-gen options and configs/*.cfg keys).
struct FuConfig {
  int d = 64;       ///< head dimension D
  int n_max = 512;  ///< maximum keys N_MAX (power of two)
  /// QB x KB per filtering round.
  std::vector<golden::RoundWidths> rounds{{4, 2}, {4, 4}};
  int fu_lanes = 16;  ///< keys scored per cycle per round (power of two)
};

/// Per-round derived values.
struct RoundDerived {
  int index = 1;         ///< 1-based round number
  int qb = 4, kb = 2;
  bool reuse = false;    ///< bit reuse: QB equal to and KB above the previous round's
  int reuse_delta = 0;   ///< KB_r - KB_{r-1} when reuse
  bool last = false;     ///< the final round (its survivors are the FU output)
  /// Quotient magnitude bits of this round's threshold divider: QB_r + KB_r + clog2(D) - 1
  /// (the round's scores fit in QB_r + KB_r + clog2(D) signed bits, and |T| <= max |S|).
  int quot_w = 11;
  /// Cycles of this round's threshold divider: ceil(quot_w / 2), two quotient bits a cycle.
  /// The golden timing model (golden::FuTiming::div_cycles) takes these.
  int div_cycles = 6;
};

/// Everything derived from a valid FuConfig (docs/fu-microarchitecture.md, "Widths").
struct FuDerived {
  int num_rounds = 2;    ///< R
  int idx_w = 9;         ///< key index width: clog2(N_MAX)
  int cnt_w = 10;        ///< candidate count width: clog2(N_MAX + 1)
  int qidx_w = 16;       ///< query index width
  int rows = 32;         ///< memory rows per buffer slot: N_MAX / lanes
  int row_w = 5;         ///< row address width: max(1, clog2(rows))
  int score_w = 14;      ///< signed score width: QB_R + KB_R + clog2(D)
  int sum_w = 24;        ///< signed sum width: score_w + cnt_w
  int rhs_w = 34;        ///< signed threshold numerator width: sum_w + 10
  int div_cycles = 13;   ///< quotient magnitude bits: score_w - 1
  int kcarry_bits = 4;   ///< key bits carried per element to later rounds: KB_R
  int lane_cnt_w = 5;    ///< survivors-per-beat width: clog2(lanes + 1)
  int round_w = 1;       ///< round number width: max(1, clog2(R + 1))
  /// Lanes the score stage's statistics trees reduce per cycle (kReduceFan).
  int stat_fan = 4;
  /// Cycles from a score stage's last write to its done pulse: the register stages of the
  /// statistics' trees over the lanes, ReduceStages(lanes, stat_fan).
  int stat_latency = 2;
  /// 1 when the filter ranks its kept lanes in a stage of their own after the compare (from
  /// kRankStageLanes lanes on), which puts its beats and done pulse a cycle later; 0 otherwise.
  int rank_stage = 1;
  std::vector<RoundDerived> rounds;
};

/// Checks every rule of the FU (throws golden::InputError naming the option, the value, the
/// rule and the nearest valid values) and derives the widths.
FuDerived DeriveFu(const FuConfig& fu);

/// ceil(log2(x)) for x >= 1, as SystemVerilog's $clog2.
constexpr int Clog2(long long x) {
  int bits = 0;
  while ((1LL << bits) < x) ++bits;
  return bits;
}

/// Terms one stage of a reduction tree (<prefix>reduce_tree: the score statistics, the logit
/// maximum) reduces in a cycle: two levels of compare and select. On osu018 at 5.0 ns
/// (docs/synthesis.md) three levels of the logit maximum's 38-bit compare in one cycle missed
/// by 0.49 ns.
inline constexpr int kReduceFan = 4;

/// Lanes from which the filter ranks its kept lanes in a stage of its own (FuDerived::rank_stage):
/// on osu018 at 5.0 ns (docs/synthesis.md) 16 lanes at n = 512 missed by 0.57 ns with the sum
/// of m S, the compare and the four levels of the rank tree in one cycle; 8 lanes (three
/// levels) met it.
inline constexpr int kRankStageLanes = 16;

/// Register stages of <prefix>reduce_tree over `terms` terms, `fan` per stage, before the
/// unregistered group that folds in the running value: 0 while terms + 1 <= fan.
constexpr int ReduceStages(int terms, int fan) {
  int stages = 0;
  for (int left = terms; left + 1 > fan; left = (left + fan - 1) / fan) ++stages;
  return stages;
}

}  // namespace energon::gen
