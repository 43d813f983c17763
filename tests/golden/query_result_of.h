#pragma once
// Test helper for the timing models: a query result with only what they read.

#include <cstdint>
#include <utility>
#include <vector>

#include "golden/mp_mrf.h"

namespace energon::golden::testing {

/// Query `index` whose round r keeps `survivors[r - 1]`.
inline QueryResult QueryResultOf(int index, std::vector<std::vector<std::int32_t>> survivors) {
  QueryResult result;
  result.index = index;
  for (std::vector<std::int32_t>& s : survivors) {
    RoundResult round;
    round.survivors = std::move(s);
    result.rounds.push_back(std::move(round));
  }
  return result;
}

}  // namespace energon::golden::testing
