#include "generator/rtl_design.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "golden/errors.h"

namespace energon::gen {

namespace mustache = kainjow::mustache;

std::vector<RtlFile> RtlFiles(const FuConfig& /*config*/, const FuDerived& derived) {
  std::vector<RtlFile> files;
  for (const char* name : {"mem_1r1w", "fu_pingpong", "fu_divider", "fu_score", "fu_filter", "fu_top"}) {
    files.push_back({name, derived.prefix + name});
  }
  return files;
}

namespace {

// Candidate entries carry the key bits later rounds score with: {key bits, score, index}.
int CandidateEntryBits(const FuConfig& config, const FuDerived& d) {
  return d.idx_w + d.score_w + config.d * d.kcarry_bits;
}

// A round's score entries: a candidate entry, except in the last round, where no later round
// needs the key bits: {score, index}.
int ScoreEntryBits(const FuConfig& config, const FuDerived& d, const RoundDerived& round) {
  return round.last ? d.idx_w + d.score_w : CandidateEntryBits(config, d);
}

}  // namespace

std::vector<Memory> Memories(const FuConfig& config, const FuDerived& d) {
  const int entry_w = CandidateEntryBits(config, d);
  std::vector<Memory> memories = {{"kstore", config.fu_lanes, std::max(2, d.rows), 16 * config.d,
                                   "K store: bank l holds the keys j with j mod lanes == l"}};
  for (const RoundDerived& round : d.rounds) {
    memories.push_back({fmt::format("r{}_score_buf", round.index), 1, 2 * d.rows,
                        config.fu_lanes * ScoreEntryBits(config, d, round),
                        fmt::format("round {} score buffer, two slots of rows", round.index)});
    if (!round.last) {
      memories.push_back({fmt::format("r{}_cand_buf", round.index), config.fu_lanes, 2 * d.rows,
                          entry_w,
                          fmt::format("round {} survivors for round {}, one bank per lane",
                                      round.index, round.index + 1)});
    }
  }
  return memories;
}

std::string TopModule(const FuDerived& derived) { return derived.prefix + "fu_top"; }

std::vector<Port> TopPorts(const FuConfig& config, const FuDerived& d) {
  const int r = d.num_rounds;
  std::vector<Port> ports = {
      {"clk_i", true, 1, "clock"},
      {"rst_ni", true, 1, "asynchronous reset, active low"},
      {"cfg_n_keys_i", true, d.cnt_w, "valid keys n_k, 1..N_MAX (change only while idle_o)"},
      {"cfg_causal_i", true, 1, "query i sees keys j <= i only (change only while idle_o)"},
      {"cfg_alpha_i", true, 10 * r, "A_r per round, 10-bit signed (-256..256), round 1 in the low bits"},
      {"kload_valid_i", true, 1, "K row load: valid"},
      {"kload_ready_o", false, 1, "K row load: ready (only while idle)"},
      {"kload_index_i", true, d.idx_w, "K row load: key index j"},
      {"kload_data_i", true, 16 * config.d, "K row load: k16 row, element t at [16t +: 16]"},
      {"query_valid_i", true, 1, "query: valid"},
      {"query_ready_o", false, 1, "query: ready (never while kload_valid_i)"},
      {"query_index_i", true, d.qidx_w, "query: index i, for the causal mask"},
      {"query_data_i", true, 16 * config.d, "query: q16 row, element t at [16t +: 16]"},
  };
  for (const RoundDerived& round : d.rounds) {
    const std::string p = fmt::format("r{}_", round.index);
    if (config.probes) {
      ports.push_back({p + "row_valid_o", false, 1, fmt::format("round {} row statistics: valid", round.index)});
      ports.push_back({p + "row_ready_i", true, 1, fmt::format("round {} row statistics: ready", round.index)});
      ports.push_back({p + "row_query_o", false, d.qidx_w, "query index"});
      ports.push_back({p + "row_m_o", false, d.cnt_w, "candidate count m"});
      ports.push_back({p + "row_sum_o", false, d.sum_w, "Sum of the scores (signed)"});
      ports.push_back({p + "row_max_o", false, d.score_w, "Max of the scores (signed)"});
      ports.push_back({p + "row_min_o", false, d.score_w, "Min of the scores (signed)"});
      ports.push_back({p + "row_t_o", false, d.score_w, "threshold T (signed)"});
    }
    if (config.probes || round.last) {
      const std::string what = round.last ? "FU output, survivors" : fmt::format("round {} survivors", round.index);
      ports.push_back({p + "surv_valid_o", false, 1, what + ": valid"});
      ports.push_back({p + "surv_ready_i", true, 1, what + ": ready"});
      ports.push_back({p + "surv_query_o", false, d.qidx_w, "query index"});
      ports.push_back({p + "surv_count_o", false, d.lane_cnt_w, "survivors in this beat, lanes 0..count-1"});
      ports.push_back({p + "surv_last_o", false, 1, "last beat of the query's round"});
      ports.push_back({p + "surv_index_o", false, d.idx_w * config.fu_lanes, "key indices, ascending"});
      ports.push_back({p + "surv_score_o", false, d.score_w * config.fu_lanes, "scores (signed)"});
    }
  }
  ports.push_back({"idle_o", false, 1, "no query in the FU"});
  return ports;
}

namespace {

std::string Num(long long value) { return std::to_string(value); }

}  // namespace

mustache::data TemplateData(const FuConfig& config, const FuDerived& d) {
  mustache::data data;
  data.set("prefix", d.prefix);
  data.set("d", Num(config.d));
  data.set("n_max", Num(config.n_max));
  data.set("lanes", Num(config.fu_lanes));
  data.set("num_rounds", Num(d.num_rounds));
  data.set("idx_w", Num(d.idx_w));
  data.set("cnt_w", Num(d.cnt_w));
  data.set("qidx_w", Num(d.qidx_w));
  data.set("rows", Num(d.rows));
  data.set("row_w", Num(d.row_w));
  data.set("score_w", Num(d.score_w));
  data.set("sum_w", Num(d.sum_w));
  data.set("rhs_w", Num(d.rhs_w));
  data.set("div_cycles", Num(d.div_cycles));
  data.set("kcarry_bits", Num(d.kcarry_bits));
  data.set("lane_cnt_w", Num(d.lane_cnt_w));
  data.set("round_w", Num(d.round_w));
  // Every buffer slot pair and the K store have at least two rows, so addresses are >= 1 bit.
  data.set("kstore_depth", Num(std::max(2, d.rows)));
  data.set("kstore_addr_w", Num(std::max(1, Clog2(d.rows))));
  data.set("buf_depth", Num(2 * d.rows));
  data.set("buf_addr_w", Num(Clog2(2 * d.rows)));
  // Test-only fault injection: every fault's switch is present, at most one is on.
  const bool known_fault = std::find_if(std::begin(kFaultNames), std::end(kFaultNames), [&](const char* name) {
                             return config.fault == name;
                           }) != std::end(kFaultNames);
  if (!config.fault.empty() && !known_fault) {
    throw golden::InputError("--inject-fault",
                             fmt::format("'{}' is not a fault the templates know; use one of {}", config.fault,
                                         fmt::join(kFaultNames, ", ")));
  }
  for (const char* name : kFaultNames) {
    data.set(fmt::format("fault_{}", name), config.fault == name ? mustache::data::type::bool_true
                                                                 : mustache::data::type::bool_false);
  }
  data.set("multi_round", d.num_rounds > 1 ? mustache::data::type::bool_true : mustache::data::type::bool_false);
  data.set("probes", config.probes ? mustache::data::type::bool_true : mustache::data::type::bool_false);

  mustache::data rounds{mustache::data::type::list};
  for (const RoundDerived& round : d.rounds) {
    mustache::data r;
    r.set("r", Num(round.index));
    r.set("qb", Num(round.qb));
    r.set("kb", Num(round.kb));
    r.set("reuse", Num(round.reuse ? 1 : 0));
    r.set("delta", Num(std::max(1, round.reuse_delta)));
    r.set("first", Num(round.index == 1 ? 1 : 0));
    r.set("carry", Num(round.last ? 0 : 1));
    r.set("sb_w", round.last ? "LastW" : "EntryW");
    r.set("alpha_lsb", Num(10 * (round.index - 1)));
    r.set("quot_w", Num(round.quot_w));
    r.set("prev", Num(round.index - 1));
    r.set("next", Num(round.index + 1));
    const auto flag = [](bool b) { return b ? mustache::data::type::bool_true : mustache::data::type::bool_false; };
    r.set("is_first", flag(round.index == 1));
    r.set("is_last", flag(round.last));
    r.set("probe_surv", flag(config.probes || round.last));
    rounds << r;
  }
  data.set("rounds", rounds);

  // Declarations padded to one width so that the /// comments line up.
  const std::vector<Port> top_ports = TopPorts(config, d);
  std::vector<std::string> decls;
  std::size_t width = 0;
  for (std::size_t i = 0; i < top_ports.size(); ++i) {
    const Port& port = top_ports[i];
    const std::string range = port.width == 1 ? "" : fmt::format("[{}:0]", port.width - 1);
    decls.push_back(fmt::format("{:<6} logic {:<8} {}{}", port.input ? "input" : "output", range,
                                port.name, i + 1 < top_ports.size() ? "," : ""));
    width = std::max(width, decls.back().size());
  }
  mustache::data ports{mustache::data::type::list};
  for (std::size_t i = 0; i < top_ports.size(); ++i) {
    mustache::data p;
    p.set("decl", fmt::format("{:<{}}", decls[i], width));
    p.set("doc", top_ports[i].doc);
    ports << p;
  }
  data.set("ports", ports);
  return data;
}

}  // namespace energon::gen
