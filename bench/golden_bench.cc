// Golden-model throughput: queries per second on one core, the figure the co-simulation
// leans on. Run: build/bench/golden_bench (scripts/bench runs it and prints the summary).
#include <benchmark/benchmark.h>

#include "golden/mp_mrf.h"
#include "golden/synthetic.h"

namespace {

using energon::golden::GoldenHead;
using energon::golden::HwParams;
using energon::golden::RunParams;

// Args: n (keys = queries), D. Rounds 4x2,4x4 with the alpha documented in docs/accuracy.md.
void BM_GoldenQuery(benchmark::State& state) {
  energon::golden::SyntheticSpec spec;
  spec.n = static_cast<int>(state.range(0));
  spec.d = static_cast<int>(state.range(1));
  const auto workload = energon::golden::MakeSyntheticWorkload(spec);
  const HwParams hw;
  RunParams run;
  run.alpha = {static_cast<int>(state.range(2)), static_cast<int>(state.range(3))};
  const GoldenHead head(workload.heads[0], hw, run);
  int i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(head.Run(i));
    i = (i + 1) % spec.n;
  }
  state.counters["queries/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_GoldenQuery)
    ->ArgNames({"n", "D", "A1", "A2"})
    ->Args({512, 64, -64, 32})
    ->Args({512, 64, -256, -256})
    ->Args({128, 64, -64, 32})
    ->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
