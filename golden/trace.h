#pragma once
// The golden model's trace: every observation point of mp-mrf.md section 4 as JSON.
// docs/trace-schema.md documents the schema; kTraceSchemaVersion changes with it.

#include <string>
#include <vector>

#include "golden/mp_mrf.h"
#include "golden/workload.h"

#include <nlohmann/json.hpp>

namespace energon::golden {

inline constexpr int kTraceSchemaVersion = 1;

/// Builds the trace document. `results` holds per head, per query results in query order.
nlohmann::ordered_json MakeTrace(const Workload& workload, const HwParams& hw, const RunParams& run,
                                 const std::vector<SoftmaxScale>& scales,
                                 const std::vector<std::vector<QueryResult>>& results);

}  // namespace energon::golden
