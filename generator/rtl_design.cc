#include "generator/rtl_design.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "golden/errors.h"
#include "golden/softmax.h"

namespace energon::gen {

namespace mustache = kainjow::mustache;

std::vector<RtlFile> RtlFiles(const AccelConfig& /*config*/, const AccelDerived& derived) {
  std::vector<RtlFile> files;
  for (const char* name : {"mem_1r1w", "query_store", "fu_pingpong", "au_ctx_fifo", "au_skid",
                           "reduce_tree", "fu_divider", "fu_score", "fu_filter", "fu_top", "au_exp2", "au_fetch",
                           "au_logit", "au_softmax", "au_divide", "au_top", "energon_top"}) {
    files.push_back({name, derived.top.prefix + name});
  }
  return files;
}

namespace {

// Candidate entries carry the key bits later rounds score with: {key bits, score, index}.
int CandidateEntryBits(const AccelConfig& config, const AccelDerived& d) {
  return d.fu.idx_w + d.fu.score_w + config.fu.d * d.fu.kcarry_bits;
}

// A survivor slot's context: {query index, query tag, survivor count}.
int SurvivorContextBits(const AccelDerived& d) { return d.fu.qidx_w + d.top.tag_w + d.fu.cnt_w; }

// A round's score entries: a candidate entry, except in the last round, where no later round
// needs the key bits: {score, index}.
int ScoreEntryBits(const AccelConfig& config, const AccelDerived& d, const RoundDerived& round) {
  return round.last ? d.fu.idx_w + d.fu.score_w : CandidateEntryBits(config, d);
}

// Splits a RAM into macro banks within the limits of `top` (Memory's banking fields).
void BankMemory(const TopConfig& top, const std::string& prefix, Memory& memory) {
  memory.banks_wide = (memory.width + top.sram_max_width - 1) / top.sram_max_width;
  // Equal widths, so that one memory needs one macro shape; the padding (fewer bits than
  // banks) is written as zeros and never read.
  memory.bank_width = (memory.width + memory.banks_wide - 1) / memory.banks_wide;
  if (memory.depth <= top.sram_max_depth) {
    memory.banks_deep = 1;
    memory.bank_depth = memory.depth;
  } else {
    memory.banks_deep = (memory.depth + top.sram_max_depth - 1) / top.sram_max_depth;
    memory.bank_depth = top.sram_max_depth;
  }
  memory.macro = fmt::format("{}sram_{}x{}_1r1w", prefix, memory.bank_depth, memory.bank_width);
}

}  // namespace

std::vector<SramMacro> SramMacros(const std::vector<Memory>& memories) {
  std::vector<SramMacro> macros;
  for (const Memory& memory : memories) {
    if (memory.kind != MemoryKind::kRam) continue;
    auto it = std::find_if(macros.begin(), macros.end(),
                           [&](const SramMacro& m) { return m.module == memory.macro; });
    if (it == macros.end()) {
      macros.push_back({memory.macro,
                        memory.bank_depth,
                        memory.bank_width,
                        std::max(1, Clog2(memory.bank_depth)),
                        0,
                        {}});
      it = std::prev(macros.end());
    }
    it->count += memory.instances * memory.banks();
    it->memories.push_back(memory.name);
  }
  return macros;
}

std::vector<Memory> Memories(const AccelConfig& config, const AccelDerived& d) {
  const int entry_w = CandidateEntryBits(config, d);
  std::vector<Memory> memories = {
      {"kstore", config.fu.fu_lanes, std::max(2, d.fu.rows), d.fu.kcarry_bits * config.fu.d,
       "K store, the top KB_R bits of each element: bank l holds the keys "
       "j with j mod lanes == l"}};
  for (const RoundDerived& round : d.fu.rounds) {
    memories.push_back({fmt::format("r{}_score_buf", round.index), 1, 2 * d.fu.rows,
                        config.fu.fu_lanes * ScoreEntryBits(config, d, round),
                        fmt::format("round {} score buffer, two slots of rows", round.index)});
    if (!round.last) {
      memories.push_back({fmt::format("r{}_cand_buf", round.index), config.fu.fu_lanes,
                          2 * d.fu.rows, entry_w,
                          fmt::format("round {} survivors for round {}, one bank per lane",
                                      round.index, round.index + 1)});
    }
  }
  memories.push_back({"surv_buf", config.fu.fu_lanes, 2 * d.fu.rows, d.fu.idx_w,
                      "final survivors' key indices for the AU's fetch, one bank per lane"});
  memories.push_back({"query_store", 1, d.top.query_slots, 16 * config.fu.d,
                      "q16 rows of the queries in flight, by tag: written at the query's "
                      "accept, read by rounds 2..R and the AU's logit stage",
                      MemoryKind::kRegisterFile, d.fu.num_rounds});
  memories.push_back({"logit_buf", d.au.lb_banks, 2 * d.au.lb_rows, 16 * config.fu.d + d.au.logit_w,
                      "AU logit buffer: {v16 row, logit} of each survivor, two slots"});
  memories.push_back({"exp2_table", d.au.pv_lanes, 1 << d.au.fx, d.au.p_w,
                      "AU softmax EXP2 table, one per p*V lane (read-only)", MemoryKind::kRom});
  for (Memory& memory : memories) {
    if (memory.kind == MemoryKind::kRam) {
      BankMemory(config.top, d.top.prefix, memory);
    } else {
      memory.bank_width = memory.width;
      memory.bank_depth = memory.depth;
    }
  }
  return memories;
}

std::string TopModule(const AccelDerived& derived) { return derived.top.prefix + "energon_top"; }

namespace {

// The ports the FU and the top share: clock, configuration, K load, query, FU probes.
std::vector<Port> SharedPorts(const AccelConfig& config, const AccelDerived& d) {
  const int r = d.fu.num_rounds;
  std::vector<Port> ports = {
      {"clk_i", true, 1, "clock"},
      {"rst_ni", true, 1, "asynchronous reset, active low"},
      {"cfg_n_keys_i", true, d.fu.cnt_w,
       "valid keys n_k, 1..N_MAX (change only while kload_ready_o: the FU is idle)"},
      {"cfg_causal_i", true, 1, "query i sees keys j <= i only (change only while kload_ready_o)"},
      {"cfg_alpha_i", true, 10 * r,
       "A_r per round, 10-bit signed (-256..256), round 1 in the low bits (change only while "
       "kload_ready_o)"},
      {"kload_valid_i", true, 1, "K row load: valid"},
      {"kload_ready_o", false, 1,
       "K row load: ready (only while the FU is idle; the AU may still be busy)"},
      {"kload_index_i", true, d.fu.idx_w, "K row load: key index j"},
      {"kload_data_i", true, 16 * config.fu.d,
       "K row load: k16 row, element t at [16t +: 16] (the FU keeps its top KB_R bits)"},
      {"query_valid_i", true, 1, "query: valid"},
      {"query_ready_o", false, 1, "query: ready (never while kload_valid_i)"},
      {"query_index_i", true, d.fu.qidx_w, "query: index i, for the causal mask"},
      {"query_data_i", true, 16 * config.fu.d, "query: q16 row, element t at [16t +: 16]"},
  };
  for (const RoundDerived& round : d.fu.rounds) {
    const std::string p = fmt::format("r{}_", round.index);
    if (config.top.probes) {
      ports.push_back({p + "row_valid_o", false, 1, fmt::format("round {} row statistics: valid", round.index)});
      ports.push_back({p + "row_ready_i", true, 1, fmt::format("round {} row statistics: ready", round.index)});
      ports.push_back({p + "row_query_o", false, d.fu.qidx_w, "query index"});
      ports.push_back({p + "row_m_o", false, d.fu.cnt_w, "candidate count m"});
      ports.push_back({p + "row_sum_o", false, d.fu.sum_w, "Sum of the scores (signed)"});
      ports.push_back({p + "row_max_o", false, d.fu.score_w, "Max of the scores (signed)"});
      ports.push_back({p + "row_min_o", false, d.fu.score_w, "Min of the scores (signed)"});
      ports.push_back({p + "row_t_o", false, d.fu.score_w, "threshold T (signed)"});
    }
    if (config.top.probes) {
      const std::string what = fmt::format("round {} survivors", round.index);
      ports.push_back({p + "surv_valid_o", false, 1, what + ": valid"});
      ports.push_back({p + "surv_ready_i", true, 1, what + ": ready"});
      ports.push_back({p + "surv_query_o", false, d.fu.qidx_w, "query index"});
      ports.push_back(
          {p + "surv_count_o", false, d.fu.lane_cnt_w, "survivors in this beat, lanes 0..count-1"});
      ports.push_back({p + "surv_last_o", false, 1, "last beat of the query's round"});
      ports.push_back(
          {p + "surv_index_o", false, d.fu.idx_w * config.fu.fu_lanes, "key indices, ascending"});
      ports.push_back(
          {p + "surv_score_o", false, d.fu.score_w * config.fu.fu_lanes, "scores (signed)"});
    }
  }
  return ports;
}

}  // namespace

std::vector<Port> FuPorts(const AccelConfig& config, const AccelDerived& d) {
  std::vector<Port> ports = SharedPorts(config, d);
  const std::vector<Port> survivors = {
      {"sv_valid_o", false, 1, "survivor buffer: a slot is full"},
      {"sv_ctx_o", false, SurvivorContextBits(d),
       "survivor buffer: {query index, query tag, count}"},
      {"sv_done_i", true, 1, "survivor buffer: the slot is read (pulse)"},
      {"sv_re_i", true, 1, "survivor buffer: read a row in every bank"},
      {"sv_row_i", true, d.fu.row_w * config.fu.fu_lanes, "survivor buffer: row address per bank",
       true},
      {"sv_index_o", false, d.fu.idx_w * config.fu.fu_lanes, "survivor buffer: key index per bank",
       true},
      {"qs_tag_i", true, d.top.tag_w, "query store: the tag the AU's logit stage reads"},
      {"qs_row_o", false, 16 * config.fu.d, "query store: that tag's q16 row"},
      {"qs_release_i", true, 1,
       "query store: the oldest query's row is read for the last time (pulse)"},
      {"idle_o", false, 1, "no query in the FU"},
  };
  ports.insert(ports.end(), survivors.begin(), survivors.end());
  return ports;
}

std::vector<Port> TopPorts(const AccelConfig& config, const AccelDerived& d) {
  const AuDerived& au = d.au;
  std::vector<Port> ports = SharedPorts(config, d);
  const std::vector<Port> scale = {
      {"cfg_scale_m_i", true, 16,
       "softmax scale mantissa M, 2^15..2^16-1 (change only while kload_ready_o; the AU keeps it "
       "with each query)"},
      {"cfg_scale_e_i", true, 6,
       "softmax scale shift E, 0..63 (change only while kload_ready_o; the AU keeps it with each "
       "query)"},
  };
  ports.insert(ports.begin() + 5, scale.begin(), scale.end());
  if (config.top.probes) {
    const std::vector<Port> probes = {
        {"au_logit_valid_o", false, 1, "AU logits: valid"},
        {"au_logit_ready_i", true, 1, "AU logits: ready"},
        {"au_logit_query_o", false, d.fu.qidx_w, "query index"},
        {"au_logit_count_o", false, au.acnt_w, "logits in lanes 0..count-1"},
        {"au_logit_last_o", false, 1, "last beat of the query"},
        {"au_logit_logit_o", false, au.logit_w * au.au_lanes,
         "logits a_j (signed), survivor order"},
        {"au_p_valid_o", false, 1, "AU p values: valid"},
        {"au_p_ready_i", true, 1, "AU p values: ready"},
        {"au_p_query_o", false, d.fu.qidx_w, "query index"},
        {"au_p_count_o", false, au.pcnt_w, "p values in lanes 0..count-1"},
        {"au_p_last_o", false, 1, "last beat of the query"},
        {"au_p_p_o", false, au.p_w * au.pv_lanes, "p_j, survivor order"},
        {"au_z_valid_o", false, 1, "AU Z: valid"},
        {"au_z_ready_i", true, 1, "AU Z: ready"},
        {"au_z_query_o", false, d.fu.qidx_w, "query index"},
        {"au_z_z_o", false, au.z_w, "Z, the sum of p"},
    };
    ports.insert(ports.end(), probes.begin(), probes.end());
  }
  const std::vector<Port> rest = {
      {"mem_req_valid_o", false, 1, "memory request: valid"},
      {"mem_req_ready_i", true, 1, "memory request: ready"},
      {"mem_req_count_o", false, au.fcnt_w, "memory request: keys in lanes 0..count-1"},
      {"mem_req_index_o", false, d.fu.idx_w * au.fetch_rows,
       "memory request: key indices, ascending"},
      {"mem_rsp_valid_i", true, 1, "memory response: valid (responses in request order)"},
      {"mem_rsp_ready_o", false, 1, "memory response: ready"},
      {"mem_rsp_k_i", true, 16 * config.fu.d * au.fetch_rows,
       "memory response: k16 rows, row i at [16 D i +: 16 D]"},
      {"mem_rsp_v_i", true, 16 * config.fu.d * au.fetch_rows, "memory response: v16 rows"},
      {"out_valid_o", false, 1, "output: valid"},
      {"out_ready_i", true, 1, "output: ready"},
      {"out_query_o", false, d.fu.qidx_w, "output: query index"},
      {"out_data_o", false, 16 * config.fu.d, "output: int16 row, element t at [16t +: 16]"},
      {"idle_o", false, 1, "no query anywhere in the accelerator"},
  };
  ports.insert(ports.end(), rest.begin(), rest.end());
  return ports;
}

namespace {

template <typename T>
std::string Num(T value) {
  return std::to_string(value);
}

// Port declarations padded to one width so that the /// comments line up.
mustache::data PortDeclarations(const std::vector<Port>& ports) {
  std::vector<std::string> decls;
  std::size_t width = 0;
  for (std::size_t i = 0; i < ports.size(); ++i) {
    const Port& port = ports[i];
    const std::string range =
        port.width == 1 && !port.vector ? "" : fmt::format("[{}:0]", port.width - 1);
    decls.push_back(fmt::format("{:<6} logic {:<8} {}{}", port.input ? "input" : "output", range,
                                port.name, i + 1 < ports.size() ? "," : ""));
    width = std::max(width, decls.back().size());
  }
  mustache::data list{mustache::data::type::list};
  for (std::size_t i = 0; i < ports.size(); ++i) {
    mustache::data p;
    p.set("decl", fmt::format("{:<{}}", decls[i], width));
    p.set("doc", ports[i].doc);
    list << p;
  }
  return list;
}

// mem_1r1w's shapes for --mem-style blackbox: one entry per distinct (depth, width) of the
// RAMs, with the banking of Memories() and the names of the memories of that shape.
mustache::data SramShapeData(const AccelConfig& config, const AccelDerived& d) {
  std::vector<Memory> shapes;
  std::vector<std::string> names;
  for (const Memory& memory : Memories(config, d)) {
    if (memory.kind != MemoryKind::kRam) continue;
    std::size_t i = 0;
    while (i < shapes.size() &&
           (shapes[i].depth != memory.depth || shapes[i].width != memory.width)) {
      ++i;
    }
    if (i == shapes.size()) {
      shapes.push_back(memory);
      names.push_back(memory.name);
    } else {
      names[i] += ", " + memory.name;
    }
  }
  const auto flag = [](bool b) {
    return b ? mustache::data::type::bool_true : mustache::data::type::bool_false;
  };
  mustache::data list{mustache::data::type::list};
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    const Memory& memory = shapes[i];
    const int padded = memory.banks_wide * memory.bank_width;
    mustache::data m;
    m.set("depth", Num(memory.depth));
    m.set("width", Num(memory.width));
    m.set("memories", names[i]);
    m.set("macro", memory.macro);
    m.set("cols", Num(memory.banks_wide));
    m.set("bank_w", Num(memory.bank_width));
    m.set("bank_depth", Num(memory.bank_depth));
    m.set("pad_w", Num(padded));
    m.set("padded", flag(padded > memory.width));
    m.set("rows", Num(memory.banks_deep));
    m.set("deep", flag(memory.banks_deep > 1));
    m.set("bank_addr_w", Num(std::max(1, Clog2(memory.bank_depth))));
    m.set("else", flag(i > 0));
    list << m;
  }
  return list;
}

}  // namespace

mustache::data TemplateData(const AccelConfig& config, const AccelDerived& d) {
  mustache::data data;
  data.set("prefix", d.top.prefix);
  data.set("d", Num(config.fu.d));
  data.set("n_max", Num(config.fu.n_max));
  data.set("lanes", Num(config.fu.fu_lanes));
  data.set("num_rounds", Num(d.fu.num_rounds));
  data.set("idx_w", Num(d.fu.idx_w));
  data.set("cnt_w", Num(d.fu.cnt_w));
  data.set("qidx_w", Num(d.fu.qidx_w));
  data.set("rows", Num(d.fu.rows));
  data.set("row_w", Num(d.fu.row_w));
  data.set("score_w", Num(d.fu.score_w));
  data.set("sum_w", Num(d.fu.sum_w));
  data.set("rhs_w", Num(d.fu.rhs_w));
  data.set("div_cycles", Num(d.fu.div_cycles));
  data.set("kcarry_bits", Num(d.fu.kcarry_bits));
  data.set("stat_fan", Num(d.fu.stat_fan));
  data.set("rank_stage", Num(d.fu.rank_stage));
  data.set("lane_cnt_w", Num(d.fu.lane_cnt_w));
  data.set("round_w", Num(d.fu.round_w));
  data.set("query_slots", Num(d.top.query_slots));
  data.set("tag_w", Num(d.top.tag_w));
  // Every buffer slot pair and the K store have at least two rows, so addresses are >= 1 bit.
  data.set("kstore_depth", Num(std::max(2, d.fu.rows)));
  data.set("kstore_addr_w", Num(std::max(1, Clog2(d.fu.rows))));
  data.set("buf_depth", Num(2 * d.fu.rows));
  data.set("buf_addr_w", Num(Clog2(2LL * d.fu.rows)));
  data.set("multi_round", d.fu.num_rounds > 1 ? mustache::data::type::bool_true
                                              : mustache::data::type::bool_false);
  data.set("probes",
           config.top.probes ? mustache::data::type::bool_true : mustache::data::type::bool_false);
  data.set("blackbox", config.top.mem_style == MemStyle::kBlackbox
                           ? mustache::data::type::bool_true
                           : mustache::data::type::bool_false);
  data.set("sram_shapes", SramShapeData(config, d));

  mustache::data rounds{mustache::data::type::list};
  for (const RoundDerived& round : d.fu.rounds) {
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
    r.set("probe_surv", flag(config.top.probes));
    rounds << r;
  }
  data.set("rounds", rounds);

  data.set("fu_ports", PortDeclarations(FuPorts(config, d)));
  data.set("ports", PortDeclarations(TopPorts(config, d)));
  // The top's FU instance: shared ports by name, the survivor buffer and idle to wires.
  mustache::data conns{mustache::data::type::list};
  const std::vector<Port> fu_ports = FuPorts(config, d);
  for (std::size_t i = 0; i < fu_ports.size(); ++i) {
    const std::string& name = fu_ports[i].name;
    const bool internal =
        name.rfind("sv_", 0) == 0 || name.rfind("qs_", 0) == 0 || name == "idle_o";
    std::string signal = name;
    if (internal) signal = name == "idle_o" ? "fu_idle" : name.substr(0, name.size() - 2);
    mustache::data c;
    c.set("conn", fmt::format(".{:<14}({}){}", name, signal, i + 1 < fu_ports.size() ? "," : ""));
    conns << c;
  }
  data.set("fu_conns", conns);

  // The attention unit.
  const AuDerived& au = d.au;
  data.set("au_lanes", Num(au.au_lanes));
  data.set("pv_lanes", Num(au.pv_lanes));
  data.set("fetch_rows", Num(au.fetch_rows));
  data.set("div_lanes", Num(au.div_lanes));
  data.set("fx", Num(au.fx));
  data.set("fx_msb", Num(au.fx - 1));
  data.set("pb", Num(au.pb));
  data.set("fetch_ahead", Num(au.fetch_ahead));
  data.set("pw", Num(au.p_w));
  data.set("logit_w", Num(au.logit_w));
  data.set("dist_w", Num(au.dist_w));
  data.set("z_w", Num(au.z_w));
  data.set("acc_w", Num(au.acc_w));
  data.set("lb_banks", Num(au.lb_banks));
  data.set("lb_rows", Num(au.lb_rows));
  data.set("lb_row_w", Num(au.lb_row_w));
  data.set("lb_addr_w", Num(au.lb_addr_w));
  data.set("acnt_w", Num(au.acnt_w));
  data.set("pcnt_w", Num(au.pcnt_w));
  data.set("fcnt_w", Num(au.fcnt_w));
  data.set("logit_sum_fan", Num(au.logit_sum_fan));
  data.set("max_fan", Num(au.max_fan));
  data.set("ctx_w", Num(SurvivorContextBits(d)));
  data.set("sv_row_bits", Num(d.fu.row_w * config.fu.fu_lanes));
  data.set("sv_index_bits", Num(d.fu.idx_w * config.fu.fu_lanes));
  data.set("req_index_bits", Num(d.fu.idx_w * au.fetch_rows));
  data.set("rsp_row_bits", Num(16 * config.fu.d * au.fetch_rows));
  data.set("lg_bits", Num(au.logit_w * au.au_lanes));
  data.set("pp_bits", Num(au.p_w * au.pv_lanes));
  data.set("out_bits", Num(16 * config.fu.d));
  mustache::data exp2{mustache::data::type::list};
  const std::vector<std::uint32_t> table = golden::Exp2Table(au.fx, au.pb);
  for (std::size_t f = 0; f < table.size(); ++f) {
    mustache::data e;
    e.set("f", Num(f));
    e.set("p", Num(table[f]));
    exp2 << e;
  }
  data.set("exp2", exp2);
  return data;
}

}  // namespace energon::gen
