#pragma once
// The configuration of a generated filtering unit (FU): what a user chooses, and every width
// and count derived from it. One FuConfig drives the RTL templates, the C++ params header, the
// manifest, the golden timing model and the co-simulation harness.

#include <string>
#include <vector>

#include "generator/au_config.h"
#include "golden/rounds.h"

namespace energon::gen {

enum class MemStyle { kBehavioral, kBlackbox };

/// What a user chooses (energon-gen options and configs/*.cfg keys).
struct FuConfig {
  int d = 64;                  ///< head dimension D
  int n_max = 512;             ///< maximum keys N_MAX (power of two)
  std::vector<golden::RoundWidths> rounds{{4, 2}, {4, 4}};
  int fu_lanes = 16;           ///< keys scored per cycle per round (power of two)
  std::string prefix;          ///< module prefix; empty = derived from the parameters
  bool probes = true;          ///< per-round row and survivor probe streams
  MemStyle mem_style = MemStyle::kBehavioral;
  /// Slots of the query store: queries between the query port and the end of the AU's logit
  /// stage (the last reader of the q16 row), 1..64; 0 = the default, 3 R + 4.
  int query_slots = 0;
  AuConfig au;                 ///< the attention unit
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
  std::string prefix;    ///< the resolved module prefix, ends in '_'
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
  int query_slots = 10;  ///< query store slots, resolved (FuConfig::query_slots)
  int tag_w = 4;         ///< query tag width, a store slot: max(1, clog2(query_slots))
  std::vector<RoundDerived> rounds;
  AuDerived au;          ///< the attention unit's widths
};

/// The prefix used when FuConfig::prefix is empty, e.g. energon_d64_n512_l16_r4x2_4x4_a4_
/// (+"q<S>_" for a query store of S slots other than the default, "np_" without probes,
/// "bb_" for blackbox memories). Does not validate `config`.
std::string DefaultPrefix(const FuConfig& config);

/// The query store's default slot count for R rounds: 3 R + 4, the most queries the golden
/// timing model has in flight between the query port and the logit stage at memory latency 4
/// over the benchmark workloads (docs/au-microarchitecture.md, "Query tags").
constexpr int DefaultQuerySlots(int num_rounds) { return 3 * num_rounds + 4; }

/// Checks every rule (throws golden::InputError naming the option, the value, the rule and the
/// nearest valid values) and derives the widths.
FuDerived Derive(const FuConfig& config);

/// Verilator 5.006 replaces module names of 128 characters or more by hashes, and the model's
/// build then fails (measured: prefix 116 builds, 117 does not). With the longest module name
/// of the design, <prefix>fu_pingpong or <prefix>energon_top (11 characters after the prefix),
/// the prefix may have at most this many characters.
inline constexpr int kMaxModuleNameLength = 127;
inline constexpr int kLongestModuleSuffix = 11;
inline constexpr int kMaxPrefixLength = kMaxModuleNameLength - kLongestModuleSuffix;

/// ceil(log2(x)) for x >= 1, as SystemVerilog's $clog2.
constexpr int Clog2(long long x) {
  int bits = 0;
  while ((1LL << bits) < x) ++bits;
  return bits;
}

}  // namespace energon::gen
