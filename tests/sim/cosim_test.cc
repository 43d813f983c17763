// Co-simulation regression of one configuration (the binary's model): every workload x stall
// seed must match the golden model transfer for transfer, and without stalls cycle for cycle.
#include "sim/cosim.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "golden/npy.h"
#include "golden/synthetic.h"
#include "sim/report.h"
#include "tests/common/temp_dir.h"
#include "tests/sim/model_under_test.h"

namespace energon::sim {
namespace {

struct Case {
  std::string name;
  std::string synthetic;   ///< knobs besides d (always the configuration's)
  std::vector<int> alpha;  ///< per round; the last value repeats for further rounds
  bool npy = false;        ///< round-trip the synthetic workload through .npy files
  bool causal = false;
  int n_keys = 0;
  std::optional<std::uint64_t> stall_seed;
  StallProfile profile;
  std::uint32_t reset_seed = 1;

  Case& Npy() {
    npy = true;
    return *this;
  }
  Case& Causal() {
    causal = true;
    return *this;
  }
  Case& Keys(int n) {
    n_keys = n;
    return *this;
  }
  Case& Profile(double start, double long_share) {
    profile.start = start;
    profile.long_share = long_share;
    return *this;
  }
  Case& Stall(std::uint64_t seed) {
    stall_seed = seed;
    return *this;
  }
  Case& ResetSeed(std::uint32_t seed) {
    reset_seed = seed;
    return *this;
  }
};

Case Make(std::string name, std::string synthetic, std::vector<int> alpha) {
  Case c;
  c.name = std::move(name);
  c.synthetic = std::move(synthetic);
  c.alpha = std::move(alpha);
  return c;
}

std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.name; }

// Workloads sized to the configuration: n <= 64 keys mostly, more on the large default one.
std::vector<Case> Cases() {
  const FuShape shape = testing::ModelUnderTest().shape;
  const int n = std::min(shape.n_max, 64);
  const std::string base = "n=" + std::to_string(n) + ",nq=32";
  const std::string all = "n=" + std::to_string(n) + ",nq=" + std::to_string(n);
  std::vector<Case> cases = {
      Make("synthetic", base + ",seed=1", {-64, 32}),
      Make("synthetic_stall7", base + ",seed=1", {-64, 32}).Stall(7),
      Make("synthetic_stall8_reset2", base + ",seed=2", {-32, 0}).Stall(8).ResetSeed(2),
      Make("causal", all + ",seed=3", {0, 64}).Causal(),
      Make("causal_stall9", all + ",seed=3", {0, 64}).Causal().Stall(9),
      Make("partial_keys", base + ",seed=4", {-64, 32}).Keys(std::max(1, n * 3 / 4 - 1)),
      Make("partial_keys_causal_stall10", base + ",seed=4", {32, 32})
          .Causal()
          .Keys(std::max(1, n / 2 + 1))
          .Stall(10),
      Make("npy", base + ",seed=5", {-64, 32}).Npy(),
      Make("npy_stall11", base + ",seed=5", {-64, 32}).Npy().Stall(11),
      Make("keep_max_only", base + ",seed=6", {256}),
      Make("keep_all", base + ",seed=6,diffuse=1", {-256}),
      Make("keep_all_stall12", base + ",seed=6,diffuse=1", {-256}).Stall(12).ResetSeed(3),
      Make("two_heads", "n=" + std::to_string(n) + ",nq=8,heads=2,seed=7", {-64, 32}),
      Make("two_heads_stall13", "n=" + std::to_string(n) + ",nq=8,heads=2,seed=7", {-64, 32})
          .Stall(13),
      // Back-pressure nearly always (buffers full) and almost never (stalls rare and short).
      Make("heavy_stalls15", base + ",seed=15", {-64, 32}).Stall(15).Profile(0.6, 0.4),
      Make("light_stalls16", base + ",seed=16", {-64, 32}).Stall(16).Profile(0.05, 0.0),
  };
  if (shape.n_max >= 256) {
    cases.push_back(Make("large_256", "n=256,nq=32,seed=8", {-64, 32}));
    cases.push_back(
        Make("full_nmax_stall14", "n=" + std::to_string(shape.n_max) + ",nq=8,seed=9", {-64, 32})
            .Stall(14));
  }
  return cases;
}

class CosimTest : public ::testing::TestWithParam<Case> {};

TEST_P(CosimTest, MatchesGolden) {
  const Case& c = GetParam();
  const DutModel model = testing::ModelUnderTest();
  const FuShape& shape = model.shape;
  golden::Workload workload = golden::MakeSyntheticWorkload(
      golden::ParseSyntheticSpec("d=" + std::to_string(shape.d) + "," + c.synthetic));
  ScopedTempDir dir;
  if (c.npy) {
    // Round trip through float32 .npy files, the way users bring tensors (K stands in for V).
    const auto write = [&](const std::string& file, const golden::MatrixF& m) {
      const std::size_t dims[] = {static_cast<std::size_t>(m.rows),
                                  static_cast<std::size_t>(m.cols)};
      golden::WriteNpy(dir.File(file), dims, m.data);
    };
    write("q.npy", workload.heads[0].qf);
    write("k.npy", workload.heads[0].kf);
    workload = golden::LoadNpyWorkload(dir.File("q.npy"), dir.File("k.npy"), dir.File("k.npy"),
                                       {1.0, 1.0, 1.0});
  }
  CosimOptions options;
  options.run.alpha.clear();
  for (int r = 0; r < shape.num_rounds; ++r) {
    options.run.alpha.push_back(
        c.alpha[std::min<std::size_t>(static_cast<std::size_t>(r), c.alpha.size() - 1)]);
  }
  options.run.causal = c.causal;
  options.run.n_keys = c.n_keys;
  options.stall_seed = c.stall_seed;
  options.reset_seed = c.reset_seed;
  options.stall_profile = c.profile;

  const CosimResult result = RunCosim(model, workload, options);
  const RunLabel label{testing::ConfigFileUnderTest(), workload.source, ""};
  EXPECT_TRUE(result.passed) << FormatSummary(result, shape, options, label) << "\n"
                             << FormatMismatchReport(result, shape, options, label);
  EXPECT_EQ(result.queries, workload.num_queries() * static_cast<int>(workload.heads.size()));
  EXPECT_GT(result.transfers_checked, result.queries);
  EXPECT_EQ(result.timed, !c.stall_seed.has_value());
  if (result.passed) {
    // Every round's work at L keys per cycle is a lower bound only across rounds that overlap;
    // a query can never finish faster than its first round alone.
    EXPECT_GT(result.query_cycles, 0);
  }
}

INSTANTIATE_TEST_SUITE_P(Workloads, CosimTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<Case>& param) {
                           return param.param.name;
                         });

}  // namespace
}  // namespace energon::sim
