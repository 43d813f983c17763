#include "generator/au_config.h"

#include <fmt/format.h>

#include <algorithm>

#include "generator/fu_config.h"
#include "golden/errors.h"
#include "golden/softmax.h"

namespace energon::gen {
namespace {

using golden::InputError;
using golden::Int128;

constexpr int kMaxAuLanes = 64;
constexpr int kDefaultMaxDivLanes = 16;
constexpr int kQuotientBits = 16;  // round_half_away(acc / Z) <= 2^15
// Terms one adder level of the logit dot product sums in a cycle: on osu018 a registered sum of
// sixteen 32-bit terms takes about 4.2 ns, eight leave margin for the wiring (docs/synthesis.md).
constexpr int kLogitSumFan = 8;

// Adder levels of `fan` terms each that reduce `terms` terms to one: at least one (au_logit's
// sum_levels(), over the 2 D half products).
int SumLevels(int terms, int fan) {
  int levels = 1;
  for (int left = (terms + fan - 1) / fan; left > 1; left = (left + fan - 1) / fan) ++levels;
  return levels;
}

int Clog2Of(long long x) {
  int bits = 0;
  while ((1LL << bits) < x) ++bits;
  return bits;
}

void CheckRange(const char* option, const char* what, int value, int lo, int hi) {
  if (value < lo || value > hi) {
    throw InputError(option, fmt::format("{} is outside {}..{} ({}); use {}", value, lo, hi, what,
                                         std::clamp(value, lo, hi)));
  }
}

constexpr int kDefaultAuLanes = 4;
constexpr int kMinFetchAhead = 2, kMaxFetchAhead = 16;

int ResolvedAuLanes(const AuConfig& au, int n_max) {
  return au.au_lanes != 0 ? au.au_lanes : std::min(kDefaultAuLanes, n_max);
}
int ResolvedFetchRows(const AuConfig& au, int n_max, int fu_lanes) {
  return au.fetch_rows != 0 ? au.fetch_rows : std::min(ResolvedAuLanes(au, n_max), fu_lanes);
}
int ResolvedPvLanes(const AuConfig& au, int n_max) {
  return au.pv_lanes != 0 ? au.pv_lanes : ResolvedAuLanes(au, n_max);
}
int ResolvedDivLanes(const AuConfig& au, int d) {
  return au.div_lanes != 0 ? au.div_lanes : std::min(d, kDefaultMaxDivLanes);
}

}  // namespace

int SignedBits(Int128 lo, Int128 hi) {
  int bits = 1;
  while (!(-(Int128{1} << (bits - 1)) <= lo && hi < (Int128{1} << (bits - 1)))) ++bits;
  return bits;
}

int UnsignedBits(Int128 hi) {
  int bits = 1;
  while (hi >= (Int128{1} << bits)) ++bits;
  return bits;
}

std::string AuPrefixPart(const AuConfig& au, int d, int n_max, int fu_lanes) {
  const int lanes = ResolvedAuLanes(au, n_max);
  std::string part = fmt::format("a{}", lanes);
  if (ResolvedPvLanes(au, n_max) != lanes) part += fmt::format("p{}", ResolvedPvLanes(au, n_max));
  if (ResolvedFetchRows(au, n_max, fu_lanes) != std::min(lanes, fu_lanes)) {
    part += fmt::format("f{}", ResolvedFetchRows(au, n_max, fu_lanes));
  }
  if (ResolvedDivLanes(au, d) != std::min(d, kDefaultMaxDivLanes)) {
    part += fmt::format("v{}", ResolvedDivLanes(au, d));
  }
  if (au.fetch_ahead != AuConfig{}.fetch_ahead) part += fmt::format("c{}", au.fetch_ahead);
  if (au.fx != AuConfig{}.fx || au.pb != AuConfig{}.pb) part += fmt::format("x{}b{}", au.fx, au.pb);
  return part + "_";
}

AuDerived DeriveAu(const AuConfig& au, int d, int n_max, int fu_lanes) {
  // More lanes than keys would only idle, and the stages count survivors in CntW bits.
  const int max_lanes = std::min(kMaxAuLanes, n_max);
  if (au.au_lanes != 0) {
    CheckRange("--au-lanes",
               "exact logits per cycle, at most 64 and at most N_MAX; 0 = min(4, N_MAX)",
               au.au_lanes, 1, max_lanes);
  }
  if (au.pv_lanes != 0) {
    CheckRange("--pv-lanes",
               "survivor rows into p*V per cycle, at most 64 and at most N_MAX; 0 = --au-lanes",
               au.pv_lanes, 1, max_lanes);
  }
  if (au.fetch_rows != 0) {
    CheckRange("--fetch-rows",
               "keys per memory request, at most --fu-lanes since the survivor buffer gives that "
               "many per cycle; 0 = min(--au-lanes, --fu-lanes)",
               au.fetch_rows, 1, fu_lanes);
  }
  if (au.div_lanes != 0) {
    CheckRange("--div-lanes", "rounded divisions per cycle, at most D; 0 = min(D, 16)",
               au.div_lanes, 1, d);
  }
  CheckRange("--fx", "fraction bits of the log2 distance", au.fx, golden::kMinFx, golden::kMaxFx);
  CheckRange("--pb", "precision bits of p", au.pb, golden::kMinPb, golden::kMaxPb);
  CheckRange("--fetch-ahead", "query contexts between the fetch and logit stages", au.fetch_ahead,
             kMinFetchAhead, kMaxFetchAhead);

  AuDerived out;
  out.au_lanes = ResolvedAuLanes(au, n_max);
  out.pv_lanes = ResolvedPvLanes(au, n_max);
  out.fetch_rows = ResolvedFetchRows(au, n_max, fu_lanes);
  out.div_lanes = ResolvedDivLanes(au, d);
  out.fx = au.fx;
  out.pb = au.pb;
  out.fetch_ahead = au.fetch_ahead;
  const Int128 big = Int128{1} << 30;    // (-2^15)^2, the largest product of two int16 codes
  const Int128 small = big - (1 << 15);  // -2^15 * (2^15 - 1), the most negative one
  out.logit_w = SignedBits(-small * d, big * d);
  out.dist_w = UnsignedBits((big + small) * d);
  out.p_w = au.pb + 1;
  const Int128 p_max = Int128{1} << au.pb;
  out.z_w = UnsignedBits(p_max * n_max);
  out.acc_w = SignedBits(-(Int128{1} << 15) * n_max * p_max, ((1 << 15) - 1) * p_max * n_max);
  out.lb_banks = std::max(out.au_lanes, out.pv_lanes);
  out.lb_rows = (n_max + out.lb_banks - 1) / out.lb_banks;
  out.lb_row_w = std::max(1, Clog2Of(out.lb_rows));
  out.lb_addr_w = Clog2Of(2LL * out.lb_rows);
  out.acnt_w = Clog2Of(out.au_lanes + 1LL);
  out.pcnt_w = Clog2Of(out.pv_lanes + 1LL);
  out.fcnt_w = Clog2Of(out.fetch_rows + 1LL);
  out.div_groups = (d + out.div_lanes - 1) / out.div_lanes;
  out.div_latency = kQuotientBits + 3;  // the prep stage (|acc|), 16 quotient stages, the output
  out.logit_sum_fan = kLogitSumFan;
  out.logit_latency = 2 + SumLevels(2 * d, kLogitSumFan);
  out.max_fan = kReduceFan;
  out.max_latency = ReduceStages(out.au_lanes, kReduceFan);
  for (int terms = 2 * out.pv_lanes; terms > 7; terms = (terms + 7) / 8) ++out.pv_levels;
  return out;
}

}  // namespace energon::gen
