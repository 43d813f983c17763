// Fuzzes the --synthetic parser (golden/synthetic.h) and, for specs small enough to build in
// microseconds, the workload generator behind it. A spec that parses must be in range, print
// back (FormatSyntheticSpec, the text reports carry) and reparse to the same spec, and build
// the same workload twice, of the shape it asks for.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "golden/errors.h"
#include "golden/synthetic.h"
#include "golden/workload.h"

namespace energon::fuzz {
namespace {

// Values a spec builds in well under a millisecond: the generator's cost is heads * (n + nq) * d.
constexpr long long kMaxBuiltValues = 1 << 12;

bool InRange(const golden::SyntheticSpec& s) {
  return s.n >= 1 && s.n <= 65536 && s.nq >= 0 && s.nq <= 65536 && s.d >= 1 && s.d <= 4096 &&
         s.heads >= 1 && s.heads <= 64 && s.hot >= 1 && s.hot <= 64 && s.gap >= 0 && s.gap <= 64 &&
         s.diffuse >= 0 && s.diffuse <= 1 && s.noise >= 0 && s.noise <= 16 && s.vbias >= 0 &&
         s.vbias <= 16;
}

bool SameSpec(const golden::SyntheticSpec& a, const golden::SyntheticSpec& b) {
  const auto queries = [](const golden::SyntheticSpec& s) { return s.nq == 0 ? s.n : s.nq; };
  return a.n == b.n && queries(a) == queries(b) && a.d == b.d && a.heads == b.heads &&
         a.seed == b.seed && a.hot == b.hot && a.gap == b.gap && a.diffuse == b.diffuse &&
         a.noise == b.noise && a.vbias == b.vbias;
}

void CheckWorkload(const golden::SyntheticSpec& spec) {
  const int queries = spec.nq == 0 ? spec.n : spec.nq;
  const golden::Workload workload = golden::MakeSyntheticWorkload(spec);
  Check(workload.heads.size() == static_cast<std::size_t>(spec.heads), "wrong head count");
  Check(workload.num_queries() == queries && workload.num_keys() == spec.n &&
            workload.dim() == spec.d,
        "the workload's shape is not the spec's");
  for (const golden::Head& head : workload.heads) {
    for (const golden::Quantized* tensor : {&head.q, &head.k, &head.v}) {
      Check(std::isfinite(tensor->scale) && tensor->scale > 0, "a scale is not positive");
      Check(std::all_of(tensor->codes.data.begin(), tensor->codes.data.end(),
                        [](std::int16_t code) { return code >= -32767; }),
            "a code is -32768");
    }
  }
  const golden::Workload again = golden::MakeSyntheticWorkload(spec);
  for (std::size_t h = 0; h < workload.heads.size(); ++h) {
    Check(workload.heads[h].q.codes.data == again.heads[h].q.codes.data &&
              workload.heads[h].k.codes.data == again.heads[h].k.codes.data &&
              workload.heads[h].v.codes.data == again.heads[h].v.codes.data,
          "the same spec built two different workloads");
  }
}

void FuzzSpec(std::string_view text) {
  golden::SyntheticSpec spec;
  try {
    spec = golden::ParseSyntheticSpec(text);
  } catch (const golden::InputError& error) {
    CheckPoliteError(error, "--synthetic");
    return;
  }
  Check(InRange(spec), "a parsed knob is out of its range");
  const std::string printed = golden::FormatSyntheticSpec(spec);
  golden::SyntheticSpec reparsed;
  try {
    reparsed = golden::ParseSyntheticSpec(printed);
  } catch (const golden::InputError& error) {
    Check(false, std::string("FormatSyntheticSpec's text does not parse: ") + error.what());
  }
  Check(SameSpec(spec, reparsed),
        "FormatSyntheticSpec's text reparses to another spec: " + printed);
  const long long queries = spec.nq == 0 ? spec.n : spec.nq;
  if (static_cast<long long>(spec.heads) * (spec.n + queries) * spec.d <= kMaxBuiltValues) {
    CheckWorkload(spec);
  }
}

}  // namespace
}  // namespace energon::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  energon::fuzz::FuzzSpec(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
