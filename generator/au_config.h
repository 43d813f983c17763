#pragma once
// The attention unit's part of a configuration (docs/au-microarchitecture.md): what a user
// chooses, its one validation and the one derivation of every AU width. The derivation needs
// the FU's D, N_MAX and lanes, which size the logits, the accumulators and the survivor reads.

#include <string>

#include "golden/wide_int.h"

namespace energon::gen {

/// What a user chooses for the AU (energon-gen options and configs/*.cfg keys). Zero means
/// "the default derived from the others" (see AuDerived).
struct AuConfig {
  int au_lanes = 0;    ///< exact INT16 logits per cycle, 1..min(64, N_MAX); 0 = min(4, N_MAX)
  int pv_lanes = 0;    ///< survivor rows accumulated into p * V per cycle; 0 = au_lanes
  int fetch_rows = 0;  ///< key indices per memory request; 0 = min(au_lanes, fu_lanes)
  int div_lanes = 0;   ///< rounded divisions per cycle; 0 = min(D, 16)
  int fx = 8;          ///< fraction bits of the log2 distance u (EXP2 table of 2^FX entries)
  int pb = 15;         ///< p of the row maximum is 2^PB
  /// Query contexts between the fetch and logit stages, 2..16: the fetch stage runs up to this
  /// many queries ahead of the logit stage, hiding that much memory latency.
  int fetch_ahead = 4;
};

/// Everything derived from a valid AuConfig. Widths are the exact ranges of mp-mrf.md
/// section 3, so the saturated corners (rows of -32768, every key tied) need every bit.
struct AuDerived {
  int au_lanes = 4, pv_lanes = 4, fetch_rows = 4, div_lanes = 16;  ///< resolved
  int fx = 8, pb = 15;
  int fetch_ahead = 4;
  int logit_w = 38;   ///< signed logit: [-D (2^30 - 2^15), D 2^30]
  int dist_w = 37;    ///< unsigned a_max - a: at most D (2^31 - 2^15)
  int p_w = 16;       ///< p in [0, 2^PB]: PB + 1
  int z_w = 25;       ///< unsigned Z: at most N_MAX 2^PB
  int acc_w = 40;     ///< signed acc: [-2^15 N_MAX 2^PB, (2^15 - 1) N_MAX 2^PB]
  int lb_banks = 4;   ///< logit buffer banks: max(au_lanes, pv_lanes)
  int lb_rows = 128;  ///< logit buffer rows per slot: ceil(N_MAX / banks)
  int lb_row_w = 7;   ///< max(1, clog2(lb_rows)); a bank outside a window may read row lb_rows (wraps, unused)
  int lb_addr_w = 8;  ///< clog2(2 lb_rows)
  int acnt_w = 3;     ///< logit beat count: clog2(au_lanes + 1)
  int pcnt_w = 3;     ///< p beat count: clog2(pv_lanes + 1)
  int fcnt_w = 3;     ///< request count: clog2(fetch_rows + 1)
  int div_groups = 4; ///< issue cycles of one query's division: ceil(D / div_lanes)
  int div_latency = 19;  ///< a group's issue to its output beat: prep, 16 quotient stages, 2
  /// Terms one adder level of the logit dot product sums in a cycle (kLogitSumFan).
  int logit_sum_fan = 8;
  /// Cycles from the logit stage's take of a sub-beat to its write and logit beat: the taken
  /// rows, the 2 D half products, and ceil(log_fan 2 D) adder levels (at least one).
  int logit_latency = 3;
  /// Lanes the logit maximum's tree reduces per cycle (kReduceFan).
  int max_fan = 4;
  /// Cycles from the logit stage's last write to its done pulse: the register stages of the
  /// maximum's tree over the lanes, ReduceStages(au_lanes, max_fan).
  int max_latency = 1;
  /// Adder levels of 8 terms that reduce the softmax's 2 Pv half products per element to at
  /// most 7 before the accumulation: 0 while Pv <= 3.
  int pv_levels = 0;
};

/// The AU's prefix part, e.g. "a4_" (+ "p8", "f2", "v4", "c2", "x10b14" where those differ
/// from their defaults). Does not validate.
std::string AuPrefixPart(const AuConfig& au, int d, int n_max, int fu_lanes);

/// Checks every rule (throws golden::InputError naming the option, the value, the rule and a
/// fix) and derives the widths.
AuDerived DeriveAu(const AuConfig& au, int d, int n_max, int fu_lanes);

/// Bits of a two's complement number holding every value of [lo, hi] (lo <= 0 <= hi).
int SignedBits(golden::Int128 lo, golden::Int128 hi);
/// Bits of an unsigned number holding hi >= 0.
int UnsignedBits(golden::Int128 hi);

}  // namespace energon::gen
