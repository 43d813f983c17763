// energon-golden's command line: ParseCommandLine driven with argv arrays, then the real binary
// (ENERGON_GOLDEN_BIN) run as a process: exit codes, messages, the --trace and --output files.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "golden/errors.h"
#include "golden/mp_mrf.h"
#include "golden/npy.h"
#include "golden/synthetic.h"
#include "golden/tools/golden_cli.h"
#include "tests/common/temp_dir.h"

#ifndef ENERGON_GOLDEN_BIN
#error "ENERGON_GOLDEN_BIN must name the energon-golden binary"
#endif

namespace energon::golden::cli {
namespace {

struct Parsed {
  Action action = Action::kRun;
  Options options;
  std::string text;
};

Parsed Parse(std::initializer_list<const char*> args) {
  std::vector<const char*> argv{"energon-golden"};
  argv.insert(argv.end(), args.begin(), args.end());
  Parsed parsed;
  parsed.action =
      ParseCommandLine(static_cast<int>(argv.size()), argv.data(), parsed.options, parsed.text);
  return parsed;
}

std::string ErrorOf(std::initializer_list<const char*> args) {
  try {
    Parse(args);
  } catch (const InputError& e) {
    return e.what();
  }
  return "<no InputError>";
}

TEST(ParseCommandLineTest, DefaultsToTheBuiltInSyntheticWorkload) {
  const Parsed p = Parse({});
  EXPECT_EQ(p.action, Action::kRun);
  ASSERT_TRUE(p.options.synthetic.has_value());
  EXPECT_EQ(p.options.synthetic->n, 512);
  EXPECT_EQ(p.options.synthetic->d, 64);
  EXPECT_EQ(p.options.hw.rounds, (std::vector<RoundWidths>{{4, 2}, {4, 4}}));
  EXPECT_EQ(p.options.run.alpha, (std::vector<int>{0, 0}));
  EXPECT_FALSE(p.options.run.causal);
  EXPECT_EQ(p.options.run.n_keys, 0);
  EXPECT_TRUE(p.options.trace_path.empty());
}

TEST(ParseCommandLineTest, NegativeAlphaWithSpaceOrEquals) {
  EXPECT_EQ(Parse({"--alpha", "-64,0"}).options.run.alpha, (std::vector<int>{-64, 0}));
  EXPECT_EQ(Parse({"--alpha=-64,0"}).options.run.alpha, (std::vector<int>{-64, 0}));
  EXPECT_EQ(Parse({"--rounds", "2x1,4x4,8x8", "--alpha", "-256,-1,256"}).options.run.alpha,
            (std::vector<int>{-256, -1, 256}));
}

TEST(ParseCommandLineTest, NegativeAlphaGrid) {
  EXPECT_EQ(Parse({"--alpha-grid", "-64,0"}).options.alpha_grid, (std::vector<int>{-64, 0}));
  EXPECT_EQ(Parse({"--alpha-grid=-128,64"}).options.alpha_grid, (std::vector<int>{-128, 64}));
  EXPECT_EQ(ErrorOf({"--alpha-grid", "-64,abc"}),
            "--alpha-grid: 'abc' in '-64,abc' is not an integer in [-256, 256]; give a "
            "comma-separated list, e.g. -128,-64,0,64");
  EXPECT_EQ(ErrorOf({"--alpha-grid", "300"}),
            "--alpha-grid: '300' in '300' is not an integer in [-256, 256]; give a "
            "comma-separated list, e.g. -128,-64,0,64");
}

TEST(ParseCommandLineTest, EveryOptionReachesTheOptions) {
  const Parsed p = Parse({"--synthetic", "n=40,d=8,seed=3", "--rounds", "4x2,4x4,8x8", "--alpha",
                          "-10,0,20", "--causal", "--n-keys", "30", "--fx", "10", "--pb", "12",
                          "--trace", "t.json", "--output", "out.npy", "--sweep-alpha"});
  EXPECT_EQ(p.action, Action::kRun);
  ASSERT_TRUE(p.options.synthetic.has_value());
  EXPECT_EQ(p.options.synthetic->n, 40);
  EXPECT_EQ(p.options.synthetic->seed, 3u);
  EXPECT_EQ(p.options.hw.rounds, (std::vector<RoundWidths>{{4, 2}, {4, 4}, {8, 8}}));
  EXPECT_EQ(p.options.run.alpha, (std::vector<int>{-10, 0, 20}));
  EXPECT_TRUE(p.options.run.causal);
  EXPECT_EQ(p.options.run.n_keys, 30);
  EXPECT_EQ(p.options.hw.fx, 10);
  EXPECT_EQ(p.options.hw.pb, 12);
  EXPECT_EQ(p.options.trace_path, "t.json");
  EXPECT_EQ(p.options.output_path, "out.npy");
  EXPECT_TRUE(p.options.sweep);
}

TEST(ParseCommandLineTest, FilesAndScales) {
  const Parsed p =
      Parse({"--q", "q.npy", "--k", "k.npy", "--v", "v.npy", "--scales", "0.5,0.25,2"});
  EXPECT_FALSE(p.options.synthetic.has_value());
  EXPECT_EQ(p.options.q_path, "q.npy");
  EXPECT_EQ(p.options.k_path, "k.npy");
  EXPECT_EQ(p.options.v_path, "v.npy");
  EXPECT_EQ(p.options.scales, (std::array<double, 3>{0.5, 0.25, 2.0}));
  EXPECT_EQ(ErrorOf({"--q", "q.npy", "--k", "k.npy", "--v", "v.npy", "--scales", "1,0,1"}),
            "--scales: '1,0,1' is not three positive numbers s_q,s_k,s_v; e.g. --scales "
            "0.001,0.001,0.002");
  EXPECT_EQ(ErrorOf({"--scales", "1,1,1"}),
            "--scales: applies to int16 .npy inputs only; drop it or give --q/--k/--v");
}

TEST(ParseCommandLineTest, HelpAndVersion) {
  const Parsed help = Parse({"--help"});
  EXPECT_EQ(help.action, Action::kHelp);
  EXPECT_NE(help.text.find("Usage:"), std::string::npos);
  EXPECT_NE(help.text.find("--alpha-grid"), std::string::npos);
  EXPECT_NE(help.text.find("--trace"), std::string::npos);
  EXPECT_NE(help.text.find("--output"), std::string::npos);
  const Parsed version = Parse({"--version"});
  EXPECT_EQ(version.action, Action::kVersion);
  EXPECT_EQ(version.text.rfind("energon-golden ", 0), 0u) << version.text;
  EXPECT_NE(version.text.find("(trace schema 1)\n"), std::string::npos) << version.text;
}

TEST(ParseCommandLineTest, FilesMustComeTogetherAndNotWithSynthetic) {
  EXPECT_EQ(ErrorOf({"--q", "q.npy"}), "--k: is missing; --q, --k and --v go together");
  EXPECT_EQ(ErrorOf({"--q", "q.npy", "--k", "k.npy"}),
            "--v: is missing; --q, --k and --v go together");
  EXPECT_EQ(ErrorOf({"--synthetic", "n=8", "--q", "q.npy"}),
            "--synthetic: cannot be combined with --q/--k/--v; give files or a synthetic spec, "
            "not both");
}

TEST(ParseCommandLineTest, UnknownOptionsPointToHelp) {
  const std::string error = ErrorOf({"--bogus"});
  EXPECT_EQ(error.rfind("command line: ", 0), 0u) << error;
  EXPECT_NE(error.find("'--bogus'"), std::string::npos) << error;
  EXPECT_NE(error.find("; see energon-golden --help"), std::string::npos) << error;
  const std::string missing = ErrorOf({"--rounds"});
  EXPECT_NE(missing.find("see energon-golden --help"), std::string::npos) << missing;
}

// Boost's what() replaced %canonical_option% in its message until none was left, so this
// option's name made the parse loop for ever, its message growing until memory ran out (found
// by fuzz/config_fuzz.cc through the same what() on a configuration line).
TEST(ParseCommandLineTest, OptionNamesThatHoldBoostPlaceholdersAreRefused) {
  EXPECT_EQ(ErrorOf({"--x%canonical_option%"}),
            "command line: unrecognised option '--x%canonical_option%'; see energon-golden --help");
  EXPECT_EQ(ErrorOf({"--rounds%prefix%"}),
            "command line: unrecognised option '--rounds%prefix%'; see energon-golden --help");
}

TEST(ParseCommandLineTest, RejectsBadValues) {
  EXPECT_EQ(ErrorOf({"--rounds", "4x9"}),
            "--rounds: round 1 has KB = 9; operand widths are 1 to 8 bits, use 8");
  EXPECT_EQ(ErrorOf({"--alpha", "0"}),
            "--alpha: 1 values given for 2 rounds; give one A_r per round, e.g. 0,0");
  EXPECT_EQ(ErrorOf({"--n-keys", "0"}), "--n-keys: n_k = 0; give at least 1 key");
  EXPECT_EQ(ErrorOf({"--synthetic", "n=0"}),
            "--synthetic: n=0 is out of range; n takes a whole number from 1 to 65536");
}

TEST(ParseCommandLineTest, RejectsEmptyFileNames) {
  EXPECT_EQ(ErrorOf({"--output", ""}),
            "--output: is empty; give the file to write, e.g. --output out.npy");
  // "--output=" never reaches the check: Boost refuses it first, naming the option.
  EXPECT_EQ(ErrorOf({"--output="}),
            "command line: the argument for option '--output' should follow immediately after the "
            "equal sign; see energon-golden --help");
  EXPECT_EQ(ErrorOf({"--trace", ""}),
            "--trace: is empty; give the file to write, e.g. --trace t.json");
}

TEST(ParseCommandLineTest, RejectsEmptyValues) {
  for (const char* option :
       {"--synthetic", "--scales", "--rounds", "--alpha", "--alpha-grid", "--q", "--k", "--v"}) {
    EXPECT_EQ(ErrorOf({option, ""}),
              std::string(option) +
                  ": is empty; give a value or leave the option out, see energon-golden --help");
  }
}

TEST(ParseCommandLineTest, RejectsStrayPositionalArguments) {
  EXPECT_EQ(ErrorOf({"q.npy"}),
            "command line: 'q.npy' is not an option; options start with -- and their values "
            "follow them, see energon-golden --help");
  // A value after a switch is no value of it.
  EXPECT_EQ(ErrorOf({"--causal", "yes"}),
            "command line: 'yes' is not an option; options start with -- and their values "
            "follow them, see energon-golden --help");
}

TEST(ParseCommandLineTest, RejectsAnAlphaGridOfMoreThanTenThousandSettings) {
  // 21^3 = 9261 settings are fine, 22^3 = 10648 are not.
  std::string grid21, grid22;
  for (int a = 0; a < 22; ++a) (a < 21 ? grid21 : grid22) += std::to_string(a) + ",";
  grid22 = grid21 + grid22;
  grid21.pop_back();
  grid22.pop_back();
  EXPECT_EQ(Parse({"--rounds", "4x2,4x4,8x8", "--sweep-alpha", "--alpha-grid", grid21.c_str()})
                .options.alpha_grid.size(),
            21u);
  EXPECT_EQ(ErrorOf({"--rounds", "4x2,4x4,8x8", "--sweep-alpha", "--alpha-grid", grid22.c_str()}),
            "--alpha-grid: 22 values for 3 rounds make 10648 settings, each a full run of the "
            "model; the sweep takes at most 10000, e.g. 21 values for 3 rounds");
  EXPECT_EQ(ErrorOf({"--sweep-alpha", "--alpha-grid", grid22.c_str(), "--rounds", "4x4"}),
            "<no InputError>");
}

TEST(ParseCommandLineTest, RefusesOutputsThatAreNotRegularFiles) {
  const ScopedTempDir dir;
  const std::string folder = dir.path().string();
  EXPECT_EQ(ErrorOf({"--trace", folder.c_str()}),
            folder +
                ": is a directory, not a regular file; outputs are written only to regular "
                "files or new paths, give a file name");
  EXPECT_EQ(ErrorOf({"--output", "/dev/null"}),
            "/dev/null: is a character device, not a regular file; outputs are written only to "
            "regular files or new paths, give a file name");
}

// ---------------------------------------------------------------------------------------------
// The binary

struct ProcessResult {
  int status = -1;
  std::string out, err;
};

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs energon-golden with `args` (already shell-quoted where needed); stdout and stderr go to
// files in `dir`.
ProcessResult RunBinary(const ScopedTempDir& dir, const std::string& args) {
  const std::string out = dir.File("stdout.txt"), err = dir.File("stderr.txt");
  const std::string command =
      std::string("'") + ENERGON_GOLDEN_BIN + "' " + args + " >'" + out + "' 2>'" + err + "'";
  const int raw = std::system(command.c_str());
  ProcessResult result;
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  result.out = ReadText(out);
  result.err = ReadText(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return result;
}

TEST(EnergonGoldenBinaryTest, SmallSyntheticRunPrintsTheTable) {
  const ScopedTempDir dir;
  const ProcessResult r = RunBinary(dir, "--synthetic n=32,d=16");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("1 head(s) x 32 queries, 32 keys, D = 16"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("round  QBxKB"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n1      4x2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n2      4x4"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("HW output"), std::string::npos) << r.out;
}

TEST(EnergonGoldenBinaryTest, BadRoundsExitWithStatusTwo) {
  const ScopedTempDir dir;
  const ProcessResult r = RunBinary(dir, "--synthetic n=8,d=4 --rounds 4x2,3x4");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("error: --rounds: round 2 (3x4) is narrower than round 1 (4x2)", 0), 0u)
      << r.err;
}

TEST(EnergonGoldenBinaryTest, HelpAndVersionExitZero) {
  const ScopedTempDir dir;
  const ProcessResult help = RunBinary(dir, "--help");
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("Usage:"), std::string::npos);
  const ProcessResult version = RunBinary(dir, "--version");
  EXPECT_EQ(version.status, 0);
  EXPECT_EQ(version.out.rfind("energon-golden ", 0), 0u) << version.out;
}

TEST(EnergonGoldenBinaryTest, TraceHoldsEveryObservationPointOfTheModel) {
  const ScopedTempDir dir;
  const std::string trace = dir.File("trace.json");
  const std::string spec = "n=24,nq=10,d=8,seed=3,heads=2";
  const ProcessResult r =
      RunBinary(dir, "--synthetic " + spec + " --rounds 4x2,4x4,6x6 --alpha -32,16,0 --trace '" +
                         trace + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  const nlohmann::json json = nlohmann::json::parse(ReadText(trace));  // throws if invalid

  EXPECT_EQ(json.at("schema_version"), 1);
  EXPECT_EQ(json.at("config").at("rounds"), "4x2,4x4,6x6");
  EXPECT_EQ(json.at("config").at("alpha"), (std::vector<int>{-32, 16, 0}));
  EXPECT_EQ(json.at("config").at("n_keys"), 24);

  // The same workload and parameters through the library.
  const Workload workload = MakeSyntheticWorkload(ParseSyntheticSpec(spec));
  HwParams hw;
  hw.rounds = {{4, 2}, {4, 4}, {6, 6}};
  RunParams run;
  run.alpha = {-32, 16, 0};
  ASSERT_EQ(json.at("heads").size(), workload.heads.size());
  for (std::size_t h = 0; h < workload.heads.size(); ++h) {
    const GoldenHead golden(workload.heads[h], hw, run);
    const nlohmann::json& head = json.at("heads").at(h);
    EXPECT_EQ(head.at("softmax").at("M"), golden.scale().m);
    EXPECT_EQ(head.at("softmax").at("E"), golden.scale().e);
    EXPECT_EQ(head.at("scales").at("k"), workload.heads[h].k.scale);
    ASSERT_EQ(head.at("queries").size(), 10u);
    for (int i = 0; i < 10; ++i) {
      SCOPED_TRACE("head " + std::to_string(h) + " query " + std::to_string(i));
      const QueryResult expected = golden.Run(i);
      const nlohmann::json& query = head.at("queries").at(static_cast<std::size_t>(i));
      EXPECT_EQ(query.at("index"), i);
      ASSERT_EQ(query.at("rounds").size(), 3u);
      for (std::size_t k = 0; k < 3; ++k) {
        const nlohmann::json& round = query.at("rounds").at(k);
        const RoundResult& want = expected.rounds[k];
        EXPECT_EQ(round.at("m"), want.stats.m);
        EXPECT_EQ(round.at("sum"), want.stats.sum);
        EXPECT_EQ(round.at("max"), want.stats.max);
        EXPECT_EQ(round.at("min"), want.stats.min);
        EXPECT_EQ(round.at("T"), want.threshold);
        EXPECT_EQ(round.at("survivors").get<std::vector<std::int32_t>>(), want.survivors);
      }
      EXPECT_EQ(query.at("logits").get<std::vector<std::int64_t>>(), expected.attention.logits);
      EXPECT_EQ(query.at("p").get<std::vector<std::uint32_t>>(), expected.attention.p);
      EXPECT_EQ(query.at("Z").get<std::uint64_t>(), expected.attention.z);
      EXPECT_EQ(query.at("out").get<std::vector<std::int16_t>>(), expected.attention.out);
    }
  }
}

TEST(EnergonGoldenBinaryTest, FailingRunLeavesNoTraceFile) {
  const ScopedTempDir dir;
  const std::string trace = dir.File("trace.json");
  // Refused while parsing, after a valid --trace.
  const ProcessResult bad_alpha =
      RunBinary(dir, "--synthetic n=16,d=8 --trace '" + trace + "' --alpha 999,0");
  EXPECT_EQ(bad_alpha.status, 2);
  EXPECT_EQ(bad_alpha.err.rfind("error: --alpha: round 1 has A = 999", 0), 0u) << bad_alpha.err;
  // Refused while running the model (n_k larger than K).
  const ProcessResult bad_n_keys =
      RunBinary(dir, "--synthetic n=16,d=8 --trace '" + trace + "' --n-keys 17");
  EXPECT_EQ(bad_n_keys.status, 2);
  EXPECT_EQ(bad_n_keys.err.rfind("error: --n-keys: n_k = 17 but K has 16 rows", 0), 0u)
      << bad_n_keys.err;
  EXPECT_FALSE(std::filesystem::exists(trace));
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));  // no temporary left behind either
}

TEST(EnergonGoldenBinaryTest, OutputHoldsTheHwOutputsOfEveryHead) {
  const ScopedTempDir dir;
  const std::string output = dir.File("out.npy");
  const std::string spec = "n=24,nq=10,d=8,seed=5,heads=2";
  const ProcessResult r =
      RunBinary(dir, "--synthetic " + spec + " --alpha -64,32 --causal --output '" + output + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  const NpyArray array = ReadNpy(output);
  EXPECT_EQ(array.dtype, NpyArray::Dtype::kInt16);
  ASSERT_EQ(array.shape, (std::vector<std::size_t>{2, 10, 8}));

  const Workload workload = MakeSyntheticWorkload(ParseSyntheticSpec(spec));
  RunParams run;
  run.alpha = {-64, 32};
  run.causal = true;
  bool any_nonzero = false;
  for (std::size_t h = 0; h < workload.heads.size(); ++h) {
    const GoldenHead golden(workload.heads[h], HwParams{}, run);
    for (int i = 0; i < 10; ++i) {
      const std::vector<std::int16_t> expected = golden.Run(i).attention.out;
      ASSERT_EQ(expected.size(), 8u);
      for (std::size_t t = 0; t < 8; ++t) {
        EXPECT_EQ(array.ints[(h * 10 + static_cast<std::size_t>(i)) * 8 + t], expected[t])
            << "head " << h << " query " << i << " element " << t;
        any_nonzero = any_nonzero || expected[t] != 0;
      }
    }
  }
  EXPECT_TRUE(any_nonzero);  // a file of zeros would prove nothing
  // Only the file itself: no temporary left beside it.
  EXPECT_EQ(std::vector<std::filesystem::path>(std::filesystem::directory_iterator(dir.path()),
                                               std::filesystem::directory_iterator()),
            std::vector<std::filesystem::path>{output});
}

TEST(EnergonGoldenBinaryTest, EmptyOutputExitsWithStatusTwo) {
  const ScopedTempDir dir;
  const ProcessResult r = RunBinary(dir, "--synthetic n=8,d=4 --output ''");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "error: --output: is empty; give the file to write, e.g. --output out.npy\n");
}

TEST(EnergonGoldenBinaryTest, FailingRunLeavesNoOutputFile) {
  const ScopedTempDir dir;
  const std::string output = dir.File("out.npy");
  const ProcessResult r =
      RunBinary(dir, "--synthetic n=16,d=8 --output '" + output + "' --n-keys 17");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err.rfind("error: --n-keys: n_k = 17 but K has 16 rows", 0), 0u) << r.err;
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));  // neither the file nor a temporary
}

TEST(EnergonGoldenBinaryTest, OutputIntoAMissingFolderFailsCleanly) {
  const ScopedTempDir dir;
  const std::string output = dir.File("no/such/folder/out.npy");
  const ProcessResult r = RunBinary(dir, "--synthetic n=8,d=4 --output '" + output + "'");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "error: " + output +
                       ": cannot create the file; check that the folder exists and is writable\n");
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(EnergonGoldenBinaryTest, TraceIntoAMissingFolderFailsCleanly) {
  const ScopedTempDir dir;
  const std::string trace = dir.File("no/such/folder/trace.json");
  const ProcessResult r = RunBinary(dir, "--synthetic n=8,d=4 --trace '" + trace + "'");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "error: " + trace +
                       ": cannot create the file; check that the folder exists and is writable\n");
}

}  // namespace
}  // namespace energon::golden::cli
