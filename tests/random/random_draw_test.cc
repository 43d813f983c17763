// The random space of tests/random: every kept configuration is valid as written and within its
// bound, the same seed gives the same draw, the space reaches every knob's corners, and every
// drawn case is a valid energon-cosim command line for its configuration.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "generator/config_text.h"
#include "generator/rtl_design.h"
#include "golden/errors.h"
#include "golden/rounds.h"
#include "sim/cli.h"
#include "tests/common/temp_dir.h"
#include "tests/random/random_config.h"
#include "tests/random/random_workload.h"

namespace energon::randomized {
namespace {

constexpr int kSeeds = 400;

std::vector<DrawnConfig> DrawMany(const SizeBound& bound) {
  std::vector<DrawnConfig> drawn;
  drawn.reserve(kSeeds);
  for (int seed = 0; seed < kSeeds; ++seed) drawn.push_back(DrawConfig(seed, bound));
  return drawn;
}

const std::vector<DrawnConfig>& SoakDraws() {
  static const std::vector<DrawnConfig> draws = DrawMany(SoakBound());
  return draws;
}

TEST(RandomConfig, SameSeedSameText) {
  EXPECT_EQ(DrawConfig(17, SoakBound()).text, DrawConfig(17, SoakBound()).text);
  EXPECT_NE(DrawConfig(17, SoakBound()).text, DrawConfig(18, SoakBound()).text);
  EXPECT_NE(DrawConfig(17, SoakBound()).text, DrawConfig(17, CiBound()).text);
}

TEST(RandomConfig, KeptDrawsAreValidAsWrittenAndWithinTheBound) {
  for (const SizeBound& bound : {SoakBound(), CiBound()}) {
    for (const DrawnConfig& drawn : DrawMany(bound)) {
      SCOPED_TRACE(drawn.text);
      // The file as written, through energon-gen's parser and rules again.
      const gen::Options reparsed = gen::ParseConfigText(drawn.text, "drawn");
      EXPECT_EQ(gen::ConfigFileText(reparsed.config, reparsed.derived),
                gen::ConfigFileText(drawn.options.config, drawn.options.derived));
      const gen::AccelConfig& config = reparsed.config;
      EXPECT_LE(config.fu.d, bound.max_d);
      EXPECT_LE(config.fu.n_max, bound.max_n_max);
      EXPECT_LE(config.fu.fu_lanes, bound.max_fu_lanes);
      EXPECT_LE(DatapathCost(config, reparsed.derived), bound.max_datapath);
      EXPECT_LE(MacroCount(config, reparsed.derived), bound.max_macros);
      int refused = 0;
      for (const auto& [where, count] : drawn.rejections) refused += count;
      EXPECT_EQ(refused, drawn.draws - 1);
    }
  }
}

// Every knob reaches its corners over the soak's seeds, and draws are refused for the rules
// the proposal leaves to energon-gen (so the rejection path is in use).
TEST(RandomConfig, ReachesEveryKnobsCorners) {
  std::set<std::string> seen;
  std::map<std::string, int> rejections;
  for (const DrawnConfig& drawn : SoakDraws()) {
    const gen::AccelConfig& c = drawn.options.config;
    const gen::AccelDerived& v = drawn.options.derived;
    const gen::AuDerived& au = v.au;
    for (const auto& [where, count] : drawn.rejections) rejections[where] += count;
    seen.insert(fmt::format("rounds {}", v.fu.num_rounds));
    seen.insert(fmt::format("n-max {}", c.fu.n_max));
    seen.insert(fmt::format("fu-lanes {}", c.fu.fu_lanes));
    if (c.fu.d == 1) seen.insert("d 1");
    if (c.fu.d % 2 == 1 && c.fu.d > 1) seen.insert("d odd");
    if (c.fu.d == SoakBound().max_d) seen.insert("d max");
    for (const gen::RoundDerived& round : v.fu.rounds) {
      if (round.reuse) seen.insert("bit reuse");
    }
    if (au.au_lanes % 2 == 1 && au.au_lanes > 1) seen.insert("au-lanes odd");
    if (au.pv_lanes % 2 == 1 && au.pv_lanes > 1) seen.insert("pv-lanes odd");
    if (au.au_lanes > c.fu.fu_lanes) seen.insert("au-lanes above fu-lanes");
    if (au.fetch_rows % 2 == 1 && au.fetch_rows > 1) seen.insert("fetch-rows odd");
    if (c.fu.d % au.div_lanes != 0) seen.insert("div-lanes not dividing d");
    if (au.fx == 1 || au.fx == 12) seen.insert(fmt::format("fx {}", au.fx));
    if (au.pb == 1 || au.pb == 30) seen.insert(fmt::format("pb {}", au.pb));
    if (au.fetch_ahead == 2 || au.fetch_ahead == 16) {
      seen.insert(fmt::format("fetch-ahead {}", au.fetch_ahead));
    }
    if (v.top.query_slots == 1) seen.insert("query-slots 1");
    if (!c.top.probes) seen.insert("probes off");
    if (!c.top.prefix.empty()) seen.insert("custom prefix");
    if (c.top.prefix.size() > 100) seen.insert("prefix over 100 characters");
    if (c.top.mem_style == gen::MemStyle::kBlackbox) {
      for (const gen::Memory& memory : gen::Memories(c, v)) {
        if (memory.banks_wide > 1) seen.insert("banked wide");
        if (memory.banks_deep > 1) seen.insert("banked deep");
      }
    }
  }
  std::vector<std::string> wanted = {"d 1",
                                     "d odd",
                                     "d max",
                                     "bit reuse",
                                     "au-lanes odd",
                                     "pv-lanes odd",
                                     "au-lanes above fu-lanes",
                                     "fetch-rows odd",
                                     "div-lanes not dividing d",
                                     "fx 1",
                                     "fx 12",
                                     "pb 1",
                                     "pb 30",
                                     "fetch-ahead 2",
                                     "fetch-ahead 16",
                                     "query-slots 1",
                                     "probes off",
                                     "custom prefix",
                                     "prefix over 100 characters",
                                     "banked wide",
                                     "banked deep"};
  for (int r = 1; r <= golden::kMaxRounds; ++r) wanted.push_back(fmt::format("rounds {}", r));
  for (int n = 2; n <= SoakBound().max_n_max; n *= 2) wanted.push_back(fmt::format("n-max {}", n));
  for (int l = 1; l <= SoakBound().max_fu_lanes; l *= 2) {
    wanted.push_back(fmt::format("fu-lanes {}", l));
  }
  for (const std::string& corner : wanted) EXPECT_EQ(seen.count(corner), 1U) << corner;
  for (const char* rule : {"rounds", "fu-lanes", "au-lanes", "pv-lanes", "fetch-rows", "div-lanes",
                           "prefix", "size bound (macros)"}) {
    EXPECT_GT(rejections[rule], 0) << rule;
  }
}

TEST(RandomConfig, UnknownBoundIsRefused) {
  try {
    BoundNamed("huge");
    FAIL() << "no error";
  } catch (const golden::InputError& e) {
    EXPECT_STREQ(e.what(),
                 "--bound: 'huge' is not a size bound; use soak (scripts/soak) or ci (the fixed "
                 "set of the default test run)");
  }
}

// The options of a case as energon-cosim's own checks see them (energon-cosim-args).
int CheckArguments(const std::string& config_path, const std::vector<std::string>& args) {
  std::vector<const char*> argv = {"energon-cosim", "--config", config_path.c_str()};
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  return sim::cli::CheckArgumentsMain(static_cast<int>(argv.size()), argv.data());
}

std::string Value(const std::vector<std::string>& args, const std::string& option) {
  const auto it = std::find(args.begin(), args.end(), option);
  return it == args.end() || it + 1 == args.end() ? "" : *(it + 1);
}

// Every case of the first configurations passes energon-cosim's checks with its files, and
// the workloads reach their corners: every kind, n_k 1 and N_MAX, alphas -256 and 256, causal,
// several heads, the shortest memory latency.
TEST(RandomCases, AreValidRunsAndReachTheCorners) {
  ScopedTempDir dir;
  std::set<std::string> seen;
  for (int seed = 0; seed < 40; ++seed) {
    const DrawnConfig& drawn = SoakDraws()[static_cast<std::size_t>(seed)];
    const std::string config_path = dir.File(fmt::format("seed{}.cfg", seed));
    std::ofstream(config_path) << drawn.text;
    for (int i = 0; i < 6; ++i) {
      const std::string case_dir = dir.File(fmt::format("seed{}_case{}", seed, i));
      std::filesystem::create_directories(case_dir);
      const RandomCase c =
          DrawCase(drawn.seed, i, drawn.options.config, drawn.options.derived, case_dir);
      EXPECT_EQ(DrawCase(drawn.seed, i, drawn.options.config, drawn.options.derived, case_dir)
                    .description,
                c.description);
      WriteCaseFiles(c, case_dir);
      for (bool stalled : {false, true}) {
        const std::vector<std::string> args = RunArguments(c, stalled);
        EXPECT_EQ(CheckArguments(config_path, args), 0) << c.description;
        EXPECT_EQ(Value(args, "--stall-seed").empty(), !stalled);
      }
      const std::vector<std::string>& args = c.arguments;
      const std::string n_keys = Value(args, "--n-keys");
      if (n_keys == "1") seen.insert("n-keys 1");
      if (n_keys == std::to_string(drawn.options.config.fu.n_max)) seen.insert("n-keys N_MAX");
      const std::string alpha = *std::find_if(args.begin(), args.end(), [](const std::string& a) {
        return a.rfind("--alpha=", 0) == 0;
      });
      if (alpha.find("-256") != std::string::npos) seen.insert("alpha -256");
      if (alpha.find("=256") != std::string::npos || alpha.find(",256") != std::string::npos) {
        seen.insert("alpha 256");
      }
      if (std::count(args.begin(), args.end(), "--causal") != 0) seen.insert("causal");
      if (Value(args, "--mem-latency") == "1") seen.insert("mem-latency 1");
      if (!Value(args, "--synthetic").empty()) seen.insert("synthetic");
      for (const NpyTensor& tensor : c.tensors) {
        seen.insert(tensor.codes.empty() ? "float32" : "int16");
        if (tensor.shape.size() == 3 && tensor.shape[0] == 3) seen.insert("3 heads");
        if (std::count(tensor.codes.begin(), tensor.codes.end(), -32768) != 0) {
          seen.insert("int16 -32768");
        }
      }
    }
  }
  for (const char* corner :
       {"n-keys 1", "n-keys N_MAX", "alpha -256", "alpha 256", "causal", "mem-latency 1",
        "synthetic", "float32", "int16", "3 heads", "int16 -32768"}) {
    EXPECT_EQ(seen.count(corner), 1U) << corner;
  }
}

}  // namespace
}  // namespace energon::randomized
