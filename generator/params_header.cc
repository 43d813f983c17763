#include "generator/params_header.h"

#include <fmt/format.h>

#include <functional>
#include <vector>

#include "generator/banner.h"
#include "generator/config_text.h"
#include "generator/rtl_design.h"
#include "golden/rounds.h"

namespace energon::gen {

std::string ParamsHeaderName(const AccelDerived& derived) {
  return derived.top.prefix + "params.h";
}

std::string ParamsNamespace(const AccelDerived& derived) {
  return "energon::generated::" + derived.top.prefix.substr(0, derived.top.prefix.size() - 1);
}

namespace {

// One line "inline constexpr std::array<T, kNumRounds> kName = {a, b};  // doc".
std::string RoundArray(const char* type, const char* name, const AccelDerived& derived,
                       const std::function<std::string(const RoundDerived&)>& value,
                       const char* doc) {
  std::vector<std::string> values;
  for (const RoundDerived& round : derived.fu.rounds) values.push_back(value(round));
  return fmt::format("/// {}\ninline constexpr std::array<{}, kNumRounds> {} = {{{}}};\n", doc,
                     type, name, fmt::join(values, ", "));
}

std::string Bool(bool value) { return value ? "true" : "false"; }

// ConfigFileText as a C++ string literal, one line of the file per line of the header. Its
// values hold no quotes or backslashes (numbers, on/off, rounds, [a-z0-9_] prefixes).
std::string ConfigTextLiteral(const AccelConfig& config, const AccelDerived& derived) {
  std::string literal;
  const std::string text = ConfigFileText(config, derived);
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    literal += fmt::format("\n    \"{}\\n\"", text.substr(start, end - start));
    start = end + 1;
  }
  return literal;
}

}  // namespace

std::string ParamsHeader(const AccelConfig& config, const AccelDerived& derived) {
  std::string text = Banner(CommentStyle::kSlashes, "generator/params_header.cc", config, derived);
  text += fmt::format(
      R"(
#pragma once
// The parameters of one generated accelerator (docs/fu-microarchitecture.md and
// docs/au-microarchitecture.md): what was chosen, and every width derived from it.

#include <array>
#include <string_view>

namespace {ns} {{

// Chosen.
inline constexpr int kD = {d};  ///< head dimension D
inline constexpr int kNMax = {n_max};  ///< maximum keys N_MAX
inline constexpr int kFuLanes = {fu_lanes};  ///< keys scored per cycle (L)
inline constexpr int kNumRounds = {num_rounds};  ///< filtering rounds R
inline constexpr bool kProbes = {probes};  ///< per-round probe streams present
inline constexpr bool kMemBlackbox = {blackbox};  ///< memories are blackboxes
inline constexpr std::string_view kRoundsText = "{rounds}";
inline constexpr std::string_view kPrefix = "{prefix}";
inline constexpr std::string_view kTopModule = "{top}";
/// The resolved configuration as a configuration file (every key explicit): energon-gen's
/// gen::ParseConfigText reads it back into the configuration this header was generated from
/// and derives every value below with the generator's own code.
inline constexpr std::string_view kConfigText ={config_text};

// Derived.
inline constexpr int kIdxW = {idx_w};  ///< key index: clog2(N_MAX)
inline constexpr int kCntW = {cnt_w};  ///< candidate count: clog2(N_MAX + 1)
inline constexpr int kQIdxW = {qidx_w};  ///< query index
inline constexpr int kRows = {rows};  ///< rows per buffer slot: N_MAX / L
inline constexpr int kRowW = {row_w};  ///< row address: max(1, clog2(Rows))
inline constexpr int kSW = {score_w};  ///< signed score: QB_R + KB_R + clog2(D)
inline constexpr int kSumW = {sum_w};  ///< signed row sum: SW + CntW
inline constexpr int kRhsW = {rhs_w};  ///< signed threshold numerator: SumW + 10
inline constexpr int kDivCycles = {div_cycles};  ///< quotient bits of the widest round's divider: SW - 1 (per round: kRoundQuotW)
inline constexpr int kKC = {kc};  ///< key bits carried to later rounds: KB_R
inline constexpr int kLaneCntW = {lane_cnt_w};  ///< survivors per beat: clog2(L + 1)
inline constexpr int kRoundW = {round_w};  ///< round number: max(1, clog2(R + 1))
inline constexpr int kStatFan = {stat_fan};  ///< lanes per cycle of the score statistics' trees
inline constexpr int kStatLatency = {stat_latency};  ///< score stage's last write to its done pulse, cycles
inline constexpr int kRankStage = {rank_stage};  ///< 1: the filter ranks kept lanes in a stage of their own
inline constexpr int kQuerySlots = {query_slots};  ///< query store slots (queries before the AU's logit stage ends)
inline constexpr int kTagW = {tag_w};  ///< query tag: max(1, clog2(kQuerySlots))

// Per round, index r - 1 for round r.
)",
      fmt::arg("ns", ParamsNamespace(derived)), fmt::arg("d", config.fu.d),
      fmt::arg("n_max", config.fu.n_max), fmt::arg("fu_lanes", config.fu.fu_lanes),
      fmt::arg("num_rounds", derived.fu.num_rounds), fmt::arg("probes", Bool(config.top.probes)),
      fmt::arg("blackbox", Bool(config.top.mem_style == MemStyle::kBlackbox)),
      fmt::arg("rounds", golden::FormatRounds(config.fu.rounds)),
      fmt::arg("prefix", derived.top.prefix), fmt::arg("top", TopModule(derived)),
      fmt::arg("config_text", ConfigTextLiteral(config, derived)),
      fmt::arg("idx_w", derived.fu.idx_w), fmt::arg("cnt_w", derived.fu.cnt_w),
      fmt::arg("qidx_w", derived.fu.qidx_w), fmt::arg("rows", derived.fu.rows),
      fmt::arg("row_w", derived.fu.row_w), fmt::arg("score_w", derived.fu.score_w),
      fmt::arg("sum_w", derived.fu.sum_w), fmt::arg("rhs_w", derived.fu.rhs_w),
      fmt::arg("div_cycles", derived.fu.div_cycles), fmt::arg("kc", derived.fu.kcarry_bits),
      fmt::arg("lane_cnt_w", derived.fu.lane_cnt_w), fmt::arg("round_w", derived.fu.round_w),
      fmt::arg("stat_fan", derived.fu.stat_fan), fmt::arg("stat_latency", derived.fu.stat_latency),
      fmt::arg("rank_stage", derived.fu.rank_stage),
      fmt::arg("query_slots", derived.top.query_slots), fmt::arg("tag_w", derived.top.tag_w));
  const auto number = [](int value) { return std::to_string(value); };
  text += RoundArray(
      "int", "kQB", derived, [&](const RoundDerived& r) { return number(r.qb); },
      "query operand bits QB_r");
  text += RoundArray(
      "int", "kKB", derived, [&](const RoundDerived& r) { return number(r.kb); },
      "key operand bits KB_r");
  text += RoundArray(
      "bool", "kReuse", derived, [](const RoundDerived& r) { return Bool(r.reuse); },
      "bit reuse: QB_r == QB_{r-1} and KB_r > KB_{r-1}");
  text += RoundArray(
      "int", "kReuseDelta", derived, [&](const RoundDerived& r) { return number(r.reuse_delta); },
      "KB_r - KB_{r-1} when reusing, else 0");
  text += RoundArray(
      "int", "kRoundQuotW", derived, [&](const RoundDerived& r) { return number(r.quot_w); },
      "threshold divider quotient bits of round r: QB_r + KB_r + clog2(D) - 1");
  text += RoundArray(
      "int", "kRoundDivCycles", derived,
      [&](const RoundDerived& r) { return number(r.div_cycles); },
      "threshold divider cycles of round r: ceil(kRoundQuotW / 2)");
  text += RoundArray(
      "bool", "kLast", derived, [](const RoundDerived& r) { return Bool(r.last); },
      "the final round, whose survivors are the FU output");
  const AuDerived& au = derived.au;
  text += fmt::format(R"(
// The attention unit (docs/au-microarchitecture.md).
inline constexpr int kAuLanes = {au_lanes};  ///< exact logits per cycle
inline constexpr int kPvLanes = {pv_lanes};  ///< survivors into p * V per cycle
inline constexpr int kFetchRows = {fetch_rows};  ///< keys per memory request
inline constexpr int kDivLanes = {div_lanes};  ///< rounded divisions per cycle
inline constexpr int kFx = {fx};  ///< fraction bits of u
inline constexpr int kPb = {pb};  ///< p of the row maximum is 2^PB
inline constexpr int kFetchAhead = {fetch_ahead};  ///< query contexts between fetch and logit
inline constexpr int kLogitW = {logit_w};  ///< signed logit bits
inline constexpr int kPW = {p_w};  ///< p bits: PB + 1
inline constexpr int kZW = {z_w};  ///< unsigned Z bits
inline constexpr int kAccW = {acc_w};  ///< signed p * V accumulator bits
inline constexpr int kACntW = {acnt_w};  ///< logit beat count bits
inline constexpr int kPCntW = {pcnt_w};  ///< p beat count bits
inline constexpr int kFCntW = {fcnt_w};  ///< memory request count bits
inline constexpr int kDivGroups = {div_groups};  ///< issue cycles of one query's division
inline constexpr int kDivLatency = {div_latency};  ///< division issue to output beat, cycles
inline constexpr int kLogitSumFan = {logit_sum_fan};  ///< terms per adder level of the logit dot product
inline constexpr int kLogitLatency = {logit_latency};  ///< logit take to logit beat, cycles
inline constexpr int kMaxFan = {max_fan};  ///< lanes per cycle of the logit maximum's tree
inline constexpr int kMaxLatency = {max_latency};  ///< logit stage's last write to its done pulse, cycles
inline constexpr int kPvLevels = {pv_levels};  ///< adder levels of the softmax's p * V sum
)",
                      fmt::arg("au_lanes", au.au_lanes), fmt::arg("pv_lanes", au.pv_lanes),
                      fmt::arg("fetch_rows", au.fetch_rows), fmt::arg("div_lanes", au.div_lanes),
                      fmt::arg("fx", au.fx), fmt::arg("pb", au.pb),
                      fmt::arg("fetch_ahead", au.fetch_ahead), fmt::arg("logit_w", au.logit_w),
                      fmt::arg("p_w", au.p_w), fmt::arg("z_w", au.z_w), fmt::arg("acc_w", au.acc_w),
                      fmt::arg("acnt_w", au.acnt_w), fmt::arg("pcnt_w", au.pcnt_w),
                      fmt::arg("fcnt_w", au.fcnt_w), fmt::arg("div_groups", au.div_groups),
                      fmt::arg("div_latency", au.div_latency),
                      fmt::arg("logit_sum_fan", au.logit_sum_fan),
                      fmt::arg("logit_latency", au.logit_latency),
                      fmt::arg("max_fan", au.max_fan), fmt::arg("max_latency", au.max_latency),
                      fmt::arg("pv_levels", au.pv_levels));
  text += fmt::format("\n}}  // namespace {}\n", ParamsNamespace(derived));
  return text;
}

}  // namespace energon::gen
