#pragma once
// A seeded synthetic workload whose attention looks like a trained transformer's: most query
// rows put their weight on a few dominant keys, a tunable share of rows is diffuse, and the
// value rows share a common direction (as real V activations do). docs/workloads.md has the
// construction and the knobs.

#include <cstdint>
#include <string>
#include <string_view>

#include "golden/workload.h"

namespace energon::golden {

struct SyntheticSpec {
  int n = 512;            ///< keys per head (and queries, unless nq is given)
  int nq = 0;             ///< queries per head; 0 = n
  int d = 64;             ///< head dimension
  int heads = 1;
  std::uint64_t seed = 1;
  int hot = 3;            ///< dominant keys per focused row
  double gap = 8.0;       ///< logit of the strongest dominant key, in units of the others' std
  double diffuse = 0.1;   ///< share of rows with no dominant key
  double noise = 1.0;     ///< std of the query's random part, relative to the dominant part
  double vbias = 0.5;     ///< weight of the direction that all value rows share
};

/// Parses "n=512,d=64,heads=1,seed=1" (any subset of the knobs, in any order, each at most
/// once, values in plain decimal digits: no exponent, nan or inf) over `defaults` and checks
/// every range. `option` names the input in error messages.
SyntheticSpec ParseSyntheticSpec(std::string_view text, std::string_view option = "--synthetic",
                                 const SyntheticSpec& defaults = {});

/// The spec back as text with every knob, e.g. for reports.
std::string FormatSyntheticSpec(const SyntheticSpec& spec);

/// Generates the workload; the same spec gives the same tensors on every platform.
Workload MakeSyntheticWorkload(const SyntheticSpec& spec);

}  // namespace energon::golden
