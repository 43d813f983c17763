#include "generator/fu_config.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "golden/errors.h"

namespace energon::gen {
namespace {

using golden::InputError;

constexpr int kMinD = 1, kMaxD = 1024;
constexpr int kMinNMax = 2, kMaxNMax = 65536;
constexpr int kMinLanes = 1, kMaxLanes = 64;
constexpr int kQueryIndexWidth = 16;

constexpr bool IsPowerOfTwo(long long x) { return x > 0 && (x & (x - 1)) == 0; }

// "use 8 or 16" for 12: the powers of two on either side of `value`, kept inside [lo, hi].
std::string NearestPowersOfTwo(int value, int lo, int hi) {
  int below = lo;
  while (below * 2 <= hi && below * 2 <= value) below *= 2;
  const int above = std::min(hi, below * 2);
  return below == above ? fmt::format("{}", below) : fmt::format("{} or {}", below, above);
}

void CheckD(int d) {
  if (d < kMinD || d > kMaxD) {
    throw InputError("--d", fmt::format("{} is outside {}..{} (the head dimension D); use {}", d,
                                        kMinD, kMaxD, std::clamp(d, kMinD, kMaxD)));
  }
}

// A power of two in [lo, hi]; `what` names the quantity. Suggestions stay at or below
// `suggest_hi` (the lanes must also fit N_MAX).
void CheckPowerOfTwo(const char* option, const char* what, int value, int lo, int hi,
                     int suggest_hi) {
  if (value < lo || value > hi) {
    throw InputError(option, fmt::format("{} is outside {}..{} ({}); use {}", value, lo, hi, what,
                                         std::clamp(value, lo, suggest_hi)));
  }
  if (!IsPowerOfTwo(value)) {
    throw InputError(option, fmt::format("{} is not a power of two; use {}", value,
                                         NearestPowersOfTwo(value, lo, suggest_hi)));
  }
}

}  // namespace

FuDerived DeriveFu(const FuConfig& config) {
  CheckD(config.d);
  CheckPowerOfTwo("--n-max", "the maximum key count N_MAX", config.n_max, kMinNMax, kMaxNMax,
                  kMaxNMax);
  CheckPowerOfTwo("--fu-lanes", "keys scored per cycle", config.fu_lanes, kMinLanes, kMaxLanes,
                  std::min(kMaxLanes, config.n_max));
  if (config.fu_lanes > config.n_max) {
    throw InputError("--fu-lanes",
                     fmt::format("{} is above --n-max {} (a buffer row holds L of "
                                 "the N_MAX keys); use {} or raise --n-max to {}",
                                 config.fu_lanes, config.n_max, config.n_max, config.fu_lanes));
  }
  golden::ValidateRounds(config.rounds, "--rounds");
  FuDerived derived;

  const auto num_rounds = static_cast<int>(config.rounds.size());
  const golden::RoundWidths& final_round = config.rounds.back();
  derived.num_rounds = num_rounds;
  derived.idx_w = Clog2(config.n_max);
  derived.cnt_w = Clog2(config.n_max + 1LL);
  derived.qidx_w = kQueryIndexWidth;
  derived.rows = config.n_max / config.fu_lanes;
  derived.row_w = std::max(1, Clog2(derived.rows));
  derived.score_w = final_round.qb + final_round.kb + Clog2(config.d);
  derived.sum_w = derived.score_w + derived.cnt_w;
  derived.rhs_w = derived.sum_w + 10;
  derived.div_cycles = derived.score_w - 1;
  derived.kcarry_bits = final_round.kb;
  derived.lane_cnt_w = Clog2(config.fu_lanes + 1LL);
  derived.round_w = std::max(1, Clog2(num_rounds + 1LL));
  derived.stat_fan = kReduceFan;
  derived.stat_latency = ReduceStages(config.fu_lanes, kReduceFan);
  derived.rank_stage = config.fu_lanes >= kRankStageLanes ? 1 : 0;
  derived.rounds.clear();
  for (int r = 1; r <= num_rounds; ++r) {
    const golden::RoundWidths& round = config.rounds[r - 1];
    RoundDerived rd;
    rd.index = r;
    rd.qb = round.qb;
    rd.kb = round.kb;
    if (r > 1) {
      const golden::RoundWidths& previous = config.rounds[r - 2];
      rd.reuse = round.qb == previous.qb && round.kb > previous.kb;
      rd.reuse_delta = rd.reuse ? round.kb - previous.kb : 0;
    }
    rd.last = r == num_rounds;
    rd.quot_w = round.qb + round.kb + Clog2(config.d) - 1;
    rd.div_cycles = (rd.quot_w + 1) / 2;
    derived.rounds.push_back(rd);
  }
  return derived;
}

}  // namespace energon::gen
