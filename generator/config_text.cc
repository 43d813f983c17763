#include "generator/config_text.h"

#include <fmt/args.h>
#include <fmt/format.h>

#include "golden/rounds.h"

namespace energon::gen {

std::string MemStyleName(MemStyle style) {
  return style == MemStyle::kBlackbox ? "blackbox" : "behavioral";
}

namespace {

// The resolved design options, as the named fmt arguments of the command and the summary.
fmt::dynamic_format_arg_store<fmt::format_context> DesignArgs(const AccelConfig& config,
                                                              const AccelDerived& derived) {
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  args.push_back(fmt::arg("d", config.fu.d));
  args.push_back(fmt::arg("n_max", config.fu.n_max));
  args.push_back(fmt::arg("rounds", golden::FormatRounds(config.fu.rounds)));
  args.push_back(fmt::arg("fu_lanes", config.fu.fu_lanes));
  args.push_back(fmt::arg("au_lanes", derived.au.au_lanes));
  args.push_back(fmt::arg("pv_lanes", derived.au.pv_lanes));
  args.push_back(fmt::arg("fetch_rows", derived.au.fetch_rows));
  args.push_back(fmt::arg("div_lanes", derived.au.div_lanes));
  args.push_back(fmt::arg("fx", derived.au.fx));
  args.push_back(fmt::arg("pb", derived.au.pb));
  args.push_back(fmt::arg("fetch_ahead", derived.au.fetch_ahead));
  args.push_back(fmt::arg("probes", config.top.probes ? "on" : "off"));
  args.push_back(fmt::arg("mem_style", MemStyleName(config.top.mem_style)));
  args.push_back(fmt::arg("sram_max_width", config.top.sram_max_width));
  args.push_back(fmt::arg("sram_max_depth", config.top.sram_max_depth));
  args.push_back(fmt::arg("query_slots", derived.top.query_slots));
  args.push_back(fmt::arg("prefix", derived.top.prefix));
  return args;
}

}  // namespace

std::string RegenerateCommand(const AccelConfig& config, const AccelDerived& derived) {
  std::string command = fmt::vformat(
      "energon-gen --d {d} --n-max {n_max} --rounds {rounds} --fu-lanes {fu_lanes} "
      "--au-lanes {au_lanes} --pv-lanes {pv_lanes} --fetch-rows {fetch_rows} "
      "--div-lanes {div_lanes} --fx {fx} --pb {pb} --fetch-ahead {fetch_ahead} --probes {probes} "
      "--mem-style {mem_style} --sram-max-width {sram_max_width} "
      "--sram-max-depth {sram_max_depth} --query-slots {query_slots}",
      DesignArgs(config, derived));
  if (derived.top.prefix != DefaultPrefix(config)) command += " --prefix " + derived.top.prefix;
  return command + " --out DIR";
}

std::string ParameterSummary(const AccelConfig& config, const AccelDerived& derived) {
  return fmt::vformat(
      "d={d} n-max={n_max} rounds={rounds} fu-lanes={fu_lanes} au-lanes={au_lanes} "
      "pv-lanes={pv_lanes} fetch-rows={fetch_rows} div-lanes={div_lanes} fx={fx} pb={pb} "
      "fetch-ahead={fetch_ahead} "
      "probes={probes} mem-style={mem_style} sram-max-width={sram_max_width} "
      "sram-max-depth={sram_max_depth} query-slots={query_slots} prefix={prefix}",
      DesignArgs(config, derived));
}

nlohmann::ordered_json ConfigJson(const AccelConfig& config, const AccelDerived& derived) {
  nlohmann::ordered_json json;
  json["d"] = config.fu.d;
  json["n-max"] = config.fu.n_max;
  json["rounds"] = golden::FormatRounds(config.fu.rounds);
  json["fu-lanes"] = config.fu.fu_lanes;
  json["au-lanes"] = derived.au.au_lanes;
  json["pv-lanes"] = derived.au.pv_lanes;
  json["fetch-rows"] = derived.au.fetch_rows;
  json["div-lanes"] = derived.au.div_lanes;
  json["fx"] = derived.au.fx;
  json["pb"] = derived.au.pb;
  json["fetch-ahead"] = derived.au.fetch_ahead;
  json["prefix"] = derived.top.prefix;
  json["probes"] = config.top.probes;
  json["mem-style"] = MemStyleName(config.top.mem_style);
  json["sram-max-width"] = config.top.sram_max_width;
  json["sram-max-depth"] = config.top.sram_max_depth;
  json["query-slots"] = derived.top.query_slots;
  return json;
}

std::string ConfigFileText(const AccelConfig& config, const AccelDerived& derived) {
  std::string text;
  const nlohmann::ordered_json json = ConfigJson(config, derived);
  for (const auto& [key, value] : json.items()) {
    std::string shown;
    if (value.is_string()) {
      shown = value.get<std::string>();
    } else if (value.is_boolean()) {
      shown = value.get<bool>() ? "on" : "off";
    } else {
      shown = value.dump();
    }
    text += fmt::format("{} = {}\n", key, shown);
  }
  return text;
}

nlohmann::ordered_json DerivedJson(const AccelDerived& derived) {
  const FuDerived& fu = derived.fu;
  const TopDerived& top = derived.top;
  nlohmann::ordered_json json;
  json["num_rounds"] = fu.num_rounds;
  json["idx_w"] = fu.idx_w;
  json["cnt_w"] = fu.cnt_w;
  json["qidx_w"] = fu.qidx_w;
  json["rows"] = fu.rows;
  json["row_w"] = fu.row_w;
  json["score_w"] = fu.score_w;
  json["sum_w"] = fu.sum_w;
  json["rhs_w"] = fu.rhs_w;
  json["div_cycles"] = fu.div_cycles;
  json["kcarry_bits"] = fu.kcarry_bits;
  json["lane_cnt_w"] = fu.lane_cnt_w;
  json["round_w"] = fu.round_w;
  json["stat_fan"] = fu.stat_fan;
  json["stat_latency"] = fu.stat_latency;
  json["rank_stage"] = fu.rank_stage;
  json["query_slots"] = top.query_slots;
  json["tag_w"] = top.tag_w;
  nlohmann::ordered_json rounds = nlohmann::ordered_json::array();
  for (const RoundDerived& round : fu.rounds) {
    rounds.push_back({{"index", round.index},
                      {"qb", round.qb},
                      {"kb", round.kb},
                      {"reuse", round.reuse},
                      {"reuse_delta", round.reuse_delta},
                      {"last", round.last}});
  }
  json["rounds"] = rounds;
  const AuDerived& au = derived.au;
  json["au"] = {
      {"logit_w", au.logit_w}, {"dist_w", au.dist_w},         {"p_w", au.p_w},
      {"z_w", au.z_w},         {"acc_w", au.acc_w},           {"lb_banks", au.lb_banks},
      {"lb_rows", au.lb_rows}, {"acnt_w", au.acnt_w},         {"pcnt_w", au.pcnt_w},
      {"fcnt_w", au.fcnt_w},   {"div_groups", au.div_groups}, {"div_latency", au.div_latency},
      {"logit_sum_fan", au.logit_sum_fan}, {"logit_latency", au.logit_latency},
      {"max_fan", au.max_fan}, {"max_latency", au.max_latency},
      {"pv_levels", au.pv_levels}};
  return json;
}

}  // namespace energon::gen
