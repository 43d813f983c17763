#include "golden/trace.h"

namespace energon::golden {

nlohmann::ordered_json MakeTrace(const Workload& workload, const HwParams& hw, const RunParams& run,
                                 const std::vector<SoftmaxScale>& scales,
                                 const std::vector<std::vector<QueryResult>>& results) {
  using Json = nlohmann::ordered_json;
  Json trace;
  trace["schema_version"] = kTraceSchemaVersion;
  trace["workload"] = workload.source;
  trace["config"] = {{"rounds", FormatRounds(hw.rounds)},
                     {"alpha", run.alpha},
                     {"causal", run.causal},
                     {"n_keys", run.n_keys == 0 ? workload.num_keys() : run.n_keys},
                     {"fx", hw.fx},
                     {"pb", hw.pb},
                     {"d", workload.dim()}};
  Json heads = Json::array();
  for (std::size_t h = 0; h < results.size(); ++h) {
    const Head& head = workload.heads[h];
    Json queries = Json::array();
    for (const QueryResult& q : results[h]) {
      Json rounds = Json::array();
      for (const RoundResult& r : q.rounds) {
        rounds.push_back({{"m", r.stats.m},
                          {"sum", r.stats.sum},
                          {"max", r.stats.max},
                          {"min", r.stats.min},
                          {"T", r.threshold},
                          {"survivors", r.survivors},
                          {"scores", r.survivor_scores}});
      }
      queries.push_back({{"index", q.index},
                         {"rounds", std::move(rounds)},
                         {"logits", q.attention.logits},
                         {"p", q.attention.p},
                         {"Z", q.attention.z},
                         {"out", q.attention.out}});
    }
    heads.push_back({{"scales", {{"q", head.q.scale}, {"k", head.k.scale}, {"v", head.v.scale}}},
                     {"softmax", {{"M", scales[h].m}, {"E", scales[h].e}}},
                     {"queries", std::move(queries)}});
  }
  trace["heads"] = std::move(heads);
  return trace;
}

}  // namespace energon::golden
