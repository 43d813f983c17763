#include "generator/fu_config.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "golden/errors.h"

namespace energon::gen {
namespace {

using golden::InputError;

constexpr int kMinD = 1, kMaxD = 1024;
constexpr int kMinNMax = 2, kMaxNMax = 65536;
constexpr int kMinLanes = 1, kMaxLanes = 64;
constexpr int kQueryIndexWidth = 16;
constexpr int kMinQuerySlots = 1, kMaxQuerySlots = 64;

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

// Prefix rules: [a-z][a-z0-9_]*_ and the prefix without its final '_' (the params header's
// namespace) must not end in _<digit>, since no name may end in _<digit>.
std::string SuggestPrefix(std::string_view text) {
  std::string fixed;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    fixed.push_back(ok ? c : '_');
  }
  if (fixed.empty() || fixed.front() < 'a' || fixed.front() > 'z') fixed = "p" + fixed;
  while (!fixed.empty() && fixed.back() == '_') fixed.pop_back();
  // "my_2" -> "my2": drop the '_' before a trailing digit group.
  std::size_t digits = fixed.size();
  while (digits > 0 && fixed[digits - 1] >= '0' && fixed[digits - 1] <= '9') --digits;
  if (digits < fixed.size() && digits > 0 && fixed[digits - 1] == '_') fixed.erase(digits - 1, 1);
  return fixed + "_";
}

void CheckPrefix(const std::string& prefix) {
  const auto fail = [&](std::string_view rule) {
    throw InputError("--prefix",
                     fmt::format("'{}' {}; use {}", prefix, rule, SuggestPrefix(prefix)));
  };
  if (prefix.empty() || prefix.front() < 'a' || prefix.front() > 'z') {
    fail("does not start with a lowercase letter (prefixes match [a-z][a-z0-9_]*_)");
  }
  for (char c : prefix) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      fail(fmt::format("holds '{}' (prefixes match [a-z][a-z0-9_]*_)", c));
    }
  }
  if (prefix.back() != '_') fail("does not end in '_' (prefixes match [a-z][a-z0-9_]*_)");
  if (static_cast<int>(prefix.size()) > kMaxPrefixLength) {
    throw InputError("--prefix",
                     fmt::format("'{}' has {} characters; module names would pass the {} that "
                                 "Verilator 5.006 builds; use at most {}, e.g. {}",
                                 prefix, prefix.size(), kMaxModuleNameLength, kMaxPrefixLength,
                                 prefix.substr(0, kMaxPrefixLength - 1) + "_"));
  }
  const std::string_view core(prefix.data(), prefix.size() - 1);
  std::size_t digits = core.size();
  while (digits > 0 && core[digits - 1] >= '0' && core[digits - 1] <= '9') --digits;
  if (digits < core.size() && digits > 0 && core[digits - 1] == '_') {
    fail(
        fmt::format("ends in _<digit>_, which makes names end in _<digit> (the params namespace "
                    "would be {})",
                    core));
  }
}

}  // namespace

std::string DefaultPrefix(const FuConfig& config) {
  std::string rounds;
  for (const golden::RoundWidths& round : config.rounds) {
    rounds += fmt::format("{}{}x{}", rounds.empty() ? "" : "_", round.qb, round.kb);
  }
  const int default_slots = DefaultQuerySlots(static_cast<int>(config.rounds.size()));
  const std::string slots = config.query_slots == 0 || config.query_slots == default_slots
                                ? ""
                                : fmt::format("q{}_", config.query_slots);
  return fmt::format("energon_d{}_n{}_l{}_r{}_{}{}{}{}", config.d, config.n_max, config.fu_lanes,
                     rounds, AuPrefixPart(config.au, config.d, config.n_max, config.fu_lanes),
                     slots, config.probes ? "" : "np_",
                     config.mem_style == MemStyle::kBlackbox ? "bb_" : "");
}

FuDerived Derive(const FuConfig& config) {
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
  if (config.mem_style != MemStyle::kBehavioral && config.mem_style != MemStyle::kBlackbox) {
    throw InputError("--mem-style", fmt::format("{} is not a memory style; use behavioral or "
                                                "blackbox",
                                                static_cast<int>(config.mem_style)));
  }
  if (config.query_slots != 0 &&
      (config.query_slots < kMinQuerySlots || config.query_slots > kMaxQuerySlots)) {
    throw InputError("--query-slots",
                     fmt::format("{} is outside {}..{} (queries in flight before the AU's logit "
                                 "stage); use {}, or 0 for the default {}",
                                 config.query_slots, kMinQuerySlots, kMaxQuerySlots,
                                 std::clamp(config.query_slots, kMinQuerySlots, kMaxQuerySlots),
                                 DefaultQuerySlots(static_cast<int>(config.rounds.size()))));
  }
  FuDerived derived;
  derived.au = DeriveAu(config.au, config.d, config.n_max, config.fu_lanes);
  derived.prefix = config.prefix.empty() ? DefaultPrefix(config) : config.prefix;
  CheckPrefix(derived.prefix);

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
  derived.query_slots =
      config.query_slots == 0 ? DefaultQuerySlots(num_rounds) : config.query_slots;
  derived.tag_w = std::max(1, Clog2(derived.query_slots));
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
