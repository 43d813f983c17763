// The fixed part of the random-configuration regression (docs/soak.md): the binary's model is
// the configuration energon-random drew from ENERGON_RANDOM_SEED under the ci bound, and each
// of its first ENERGON_RANDOM_CASES random cases runs as scripts/soak runs it: energon-cosim's
// command line, parsed and run in the process, without stalls and with the case's stall seed.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "sim/cli.h"
#include "tests/common/temp_dir.h"
#include "tests/random/random_workload.h"
#include "tests/sim/model_under_test.h"

namespace energon::randomized {
namespace {

struct Run {
  int index = 0;
  bool stalled = false;
};

std::ostream& operator<<(std::ostream& out, const Run& run) {
  return out << "case " << run.index << (run.stalled ? " stalled" : " timed");
}

std::vector<Run> Runs() {
  std::vector<Run> runs;
  for (int i = 0; i < ENERGON_RANDOM_CASES; ++i) {
    runs.push_back({i, false});
    runs.push_back({i, true});
  }
  return runs;
}

class RandomCosimTest : public ::testing::TestWithParam<Run> {};

TEST_P(RandomCosimTest, MatchesGolden) {
  const sim::DutModel model = sim::testing::ModelUnderTest();
  ScopedTempDir dir;
  const RandomCase c = DrawCase(ENERGON_RANDOM_SEED, GetParam().index, model.shape.config,
                                model.shape.derived, dir.path().string());
  WriteCaseFiles(c, dir.path().string());
  const std::string config = sim::testing::ConfigFileUnderTest();
  const std::vector<std::string> args = RunArguments(c, GetParam().stalled);
  std::vector<const char*> argv = {"energon-cosim", "--config", config.c_str()};
  for (const std::string& arg : args) argv.push_back(arg.c_str());

  sim::cli::Options options;
  std::string text;
  ASSERT_EQ(sim::cli::ParseCommandLine(static_cast<int>(argv.size()), argv.data(), model.shape,
                                       options, text),
            sim::cli::Action::kRun);
  std::ostringstream out;
  EXPECT_EQ(sim::cli::Run(options, model, out), sim::cli::kExitPass)
      << "case " << c.index << ": " << c.description << "\n"
      << out.str() << "\nreproduce with energon-random cases --config " << config << " --seed "
      << ENERGON_RANDOM_SEED << " --count " << c.index + 1
      << " --dir DIR, then scripts/cosim --config " << config << " and the options of DIR/"
      << c.index << (GetParam().stalled ? "/stalled.args" : "/timed.args");
}

INSTANTIATE_TEST_SUITE_P(Cases, RandomCosimTest, ::testing::ValuesIn(Runs()),
                         [](const ::testing::TestParamInfo<Run>& param) {
                           return fmt::format("case{}_{}", param.param.index,
                                              param.param.stalled ? "stalled" : "timed");
                         });

}  // namespace
}  // namespace energon::randomized
