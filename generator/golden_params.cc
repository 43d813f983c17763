#include "generator/golden_params.h"

namespace energon::gen {

GoldenParams GoldenParamsOf(const AccelConfig& config, const AccelDerived& derived,
                            int mem_latency) {
  GoldenParams p;
  p.hw = golden::HwParams{config.fu.rounds, derived.au.fx, derived.au.pb};
  p.fu.lanes = config.fu.fu_lanes;
  p.fu.stat_latency = derived.fu.stat_latency;
  p.fu.rank_stage = derived.fu.rank_stage;
  p.fu.div_cycles.clear();
  for (const RoundDerived& round : derived.fu.rounds) p.fu.div_cycles.push_back(round.div_cycles);
  p.au.au_lanes = derived.au.au_lanes;
  p.au.pv_lanes = derived.au.pv_lanes;
  p.au.fetch_rows = derived.au.fetch_rows;
  p.au.div_groups = derived.au.div_groups;
  p.au.div_latency = derived.au.div_latency;
  p.au.logit_latency = derived.au.logit_latency;
  p.au.max_latency = derived.au.max_latency;
  p.au.pv_levels = derived.au.pv_levels;
  p.au.query_slots = derived.top.query_slots;
  p.au.fetch_ahead = derived.au.fetch_ahead;
  p.au.mem_latency = mem_latency;
  return p;
}

}  // namespace energon::gen
