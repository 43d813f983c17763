#include "golden/trace.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "golden/errors.h"

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

void WriteFileAtomically(const std::string& path, const std::string& text) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path temp = target.parent_path() /
                        fmt::format(".{}.tmp.{}", target.filename().string(), ::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) {
      throw InputError(path, "cannot create the file; check that the folder exists and is writable");
    }
    out << text;
    out.flush();
    if (!out) {
      out.close();
      fs::remove(temp);
      throw InputError(path, "writing failed; check the free space");
    }
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp);
    throw InputError(path, fmt::format("cannot replace the file: {}", ec.message()));
  }
}

}  // namespace energon::golden
