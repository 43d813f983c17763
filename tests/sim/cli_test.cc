// energon-cosim's command line, on the small_nmax model: parsing and its error messages
// (pinned), and the program's exit statuses and output.
#include "sim/cli.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "generator/config_text.h"
#include "generator/params_header.h"
#include "golden/errors.h"
#include "golden/mp_mrf.h"
#include "golden/npy.h"
#include "golden/synthetic.h"
#include "sim/vectors.h"
#include "small_nmax_dut.h"
#include "tests/common/temp_dir.h"

namespace energon::sim::cli {
namespace {

const std::string kConfig = ENERGON_COSIM_CONFIG;

std::string ReadText(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// argv for `args` after the program name; the pointers borrow from `args`.
std::vector<const char*> Argv(const char* program, const std::vector<std::string>& args) {
  std::vector<const char*> argv{program};
  for (const std::string& a : args) argv.push_back(a.c_str());
  return argv;
}

Options Parse(const std::vector<std::string>& args) {
  const std::vector<const char*> argv = Argv("energon-cosim", args);
  Options options;
  std::string text;
  ParseCommandLine(static_cast<int>(argv.size()), argv.data(), models::small_nmax_fu::Model().shape,
                   options, text);
  return options;
}

std::string ParseError(const std::vector<std::string>& args) {
  try {
    Parse(args);
  } catch (const golden::InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(CosimCliTest, DefaultsComeFromTheConfiguration) {
  const Options o = Parse({"--config", kConfig, "--alpha", "-64,32"});
  ASSERT_TRUE(o.synthetic.has_value());
  EXPECT_EQ(o.synthetic->n, 8);
  EXPECT_EQ(o.synthetic->d, 8);
  EXPECT_EQ(o.cosim.run.alpha, (std::vector<int>{-64, 32}));
  EXPECT_FALSE(o.cosim.stall_seed.has_value());
  EXPECT_EQ(o.cosim.reset_seed, 1u);
  EXPECT_EQ(o.reproduce, "scripts/cosim --config " + kConfig + " --alpha -64,32");
}

TEST(CosimCliTest, OptionsSpelledAsInEnergonGolden) {
  const Options o = Parse({"--config", kConfig, "--synthetic", "n=6,nq=3,seed=4", "--alpha",
                           "-256,256", "--causal", "--n-keys", "5", "--stall-seed", "9",
                           "--reset-seed", "77", "--trace-fst", "x.fst"});
  EXPECT_EQ(o.synthetic->n, 6);
  EXPECT_EQ(o.synthetic->nq, 3);
  EXPECT_TRUE(o.cosim.run.causal);
  EXPECT_EQ(o.cosim.run.n_keys, 5);
  EXPECT_EQ(o.cosim.stall_seed, 9u);
  EXPECT_EQ(o.cosim.reset_seed, 77u);
  EXPECT_EQ(o.cosim.trace_path, "x.fst");
}

TEST(CosimCliTest, ErrorsNameTheInputTheRuleAndAFix) {
  EXPECT_EQ(ParseError({"--alpha", "0,0"}),
            "--config: is missing; give the configuration file the model was built from, e.g. "
            "--config configs/default.cfg");
  EXPECT_EQ(ParseError({"--config", kConfig, "--alpha", "0"}),
            "--alpha: 1 values given for 2 rounds; give one A_r per round, e.g. 0,0");
  EXPECT_EQ(ParseError({"--config", kConfig, "--q", "q.npy"}),
            "--k: is missing; --q, --k and --v go together (the attention unit reads V)");
  EXPECT_EQ(ParseError({"--config", kConfig, "--mem-latency", "0"}),
            "--mem-latency: '0' is not a whole number in [1, 1000]; give one like 4");
  EXPECT_EQ(ParseError({"--config", kConfig, "--output", ""}),
            "--output: is empty; give the file to write, e.g. --output run.npy");
  EXPECT_EQ(ParseError({"--config", kConfig, "--report-json", ""}),
            "--report-json: is empty; give the file to write, e.g. --report-json run.json");
  EXPECT_EQ(ParseError({"--config", kConfig, "--q", "q.npy", "--k", "k.npy", "--synthetic", "n=4"}),
            "--synthetic: cannot be combined with --q/--k/--v; give files or a synthetic spec, not "
            "both");
  EXPECT_EQ(
      ParseError({"--config", kConfig, "--stall-seed", "-1"}),
      "--stall-seed: '-1' is not a whole number in [0, 9223372036854775807]; give one like 7");
  EXPECT_EQ(ParseError({"--config", kConfig, "--reset-seed", "0"}),
            "--reset-seed: '0' is not a whole number in [1, 2147483647]; give one like 1");
  EXPECT_EQ(ParseError({"--config", kConfig, "--n-keys", "0"}),
            "--n-keys: n_k = 0; give at least 1 key");
  EXPECT_EQ(ParseError({"--config", kConfig, "--kload-at", "soon"}),
            "--kload-at: 'soon' is not a whole number in [0, 1000]; give one like 2 (or early)");
  EXPECT_EQ(ParseError({"--config", kConfig, "--config-at", "1001"}),
            "--config-at: '1001' is not a whole number in [0, 1000]; give one like 2");
  EXPECT_EQ(ParseError({"--config", kConfig, "--reset-at", "-1"}),
            "--reset-at: '-1' is not a whole number in [0, 9223372036854775807]; give one like "
            "100");
  const std::string other = std::string(ENERGON_SOURCE_DIR) + "/configs/tiny_1lane.cfg";
  EXPECT_EQ(ParseError({"--config", other}),
            "--config: " + other +
                " describes the accelerator energon_d8_n16_l1_r4x2_4x4_a1v1_q3_ but this "
                "energon-cosim was built for energon_d8_n8_l2_r4x2_4x4_a2_ (small_nmax); run "
                "scripts/cosim --config " +
                other + ", which builds the model for it");
}

// Runs energon-cosim; returns the exit status, `out` gets stdout and stderr.
int RunProgram(const std::string& args, std::string& out) {
  const std::string command = std::string(ENERGON_COSIM_BIN) + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return -1;
  std::array<char, 4096> buffer{};
  out.clear();
  while (fgets(buffer.data(), buffer.size(), pipe) != nullptr) out += buffer.data();
  const int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int CheckArguments(const std::vector<std::string>& args);

TEST(CosimCliTest, RefusesEmptyValuesAndStrayArguments) {
  for (const char* option : {"--stall-seed", "--reset-seed", "--synthetic", "--alpha",
                             "--trace-window", "--watchdog", "--mem-latency", "--q"}) {
    EXPECT_EQ(ParseError({"--config", kConfig, option, ""}),
              std::string(option) +
                  ": is empty; give a value or leave the option out, see energon-cosim --help");
  }
  EXPECT_EQ(ParseError({"--config", kConfig, "--trace-fst", ""}),
            "--trace-fst: is empty; give the FST file to write, e.g. --trace-fst fail.fst");
  EXPECT_EQ(ParseError({"--config", ""}),
            "--config: is empty; give the configuration file the model was built from, e.g. "
            "--config configs/default.cfg");
  EXPECT_EQ(ParseError({"--config", kConfig, "7"}),
            "command line: '7' is not an option; options start with -- and their values follow "
            "them, see energon-cosim --help");
}

TEST(CosimCliTest, SyntheticKnobsOverTheConfigurationsDefaults) {
  // n and d default to N_MAX and D; giving them is no repetition, giving them twice is.
  EXPECT_EQ(Parse({"--config", kConfig, "--synthetic", "n=4,d=8"}).synthetic->n, 4);
  EXPECT_EQ(ParseError({"--config", kConfig, "--synthetic", "n=4,n=5"}),
            "--synthetic: 'n=5' gives n a second time (after n=4); give each knob once");
}

TEST(CosimCliTest, RefusesOutputsThatAreNotRegularFilesAndConfigFolders) {
  ScopedTempDir dir;
  const std::string folder = dir.path().string();
  for (const char* option : {"--output", "--report-json", "--trace-fst"}) {
    EXPECT_EQ(ParseError({"--config", kConfig, option, folder}),
              folder +
                  ": is a directory, not a regular file; outputs are written only to "
                  "regular files or new paths, give a file name")
        << option;
  }
  EXPECT_EQ(ParseError({"--config", kConfig, "--output", "/dev/null"}),
            "/dev/null: is a character device, not a regular file; outputs are written only to "
            "regular files or new paths, give a file name");
  EXPECT_EQ(CheckArguments({"--config", folder}), kExitBadInput);
  EXPECT_EQ(ParseError({"--config", folder}),
            "--config: '" + folder +
                "' is a directory, not a regular file; give a configuration file, e.g. --config "
                "configs/default.cfg");
}

TEST(CosimCliTest, ExitZeroOnlyWhenEverythingMatched) {
  std::string out;
  EXPECT_EQ(RunProgram("--config " + kConfig + " --alpha -64,32 --synthetic nq=32", out), 0) << out;
  EXPECT_NE(out.find("PASS: 1 head(s), 32 queries"), std::string::npos) << out;
  EXPECT_NE(out.find("every one in its predicted cycle"), std::string::npos) << out;
  EXPECT_NE(out.find("cycles/query; busiest-stage bound"), std::string::npos) << out;
  EXPECT_NE(out.find("dense-equivalent operations per cycle"), std::string::npos) << out;
  EXPECT_NE(out.find("RTL outputs against dense float attention: cosine mean"), std::string::npos)
      << out;
  EXPECT_NE(out.find("cycles/s"), std::string::npos) << out;
  EXPECT_EQ(RunProgram("--config " + kConfig + " --synthetic nq=32 --stall-seed 4", out), 0) << out;
  EXPECT_NE(out.find("seeds: reset 1, stall 4"), std::string::npos) << out;
  // Later heads at other legal points, and a reset in the middle of the traffic.
  EXPECT_EQ(RunProgram("--config " + kConfig +
                           " --synthetic nq=8,heads=3 --kload-at early --config-at 2 "
                           "--vary-config --reset-at 40",
                       out),
            0)
      << out;
  EXPECT_NE(out.find("later heads   K rows offered early (from the previous head's last query "
                     "on); configuration varied per head, set 2 cycle(s) after kload_ready_o "
                     "rises"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("reset         rst_ni asserted in cycle 40, then the whole workload again"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("every one in its predicted cycle"), std::string::npos) << out;
}

TEST(CosimCliTest, ExitOneOnAMismatch) {
  std::string out;
  EXPECT_EQ(RunProgram("--config " + kConfig + " --watchdog 2", out), 1) << out;
  EXPECT_NE(out.find("FIRST MISMATCH in cycle"), std::string::npos) << out;
  EXPECT_NE(out.find("field         progress"), std::string::npos) << out;
  EXPECT_NE(out.find("reproduce     scripts/cosim --config " + kConfig + " --watchdog 2"),
            std::string::npos)
      << out;
}

TEST(CosimCliTest, ExitTwoOnBadInput) {
  std::string out;
  EXPECT_EQ(RunProgram("--config " + kConfig + " --synthetic n=9", out), 2) << out;
  EXPECT_EQ(out,
            "error: workload: K has 9 rows but configuration small_nmax holds N_MAX = 8 keys; give "
            "at most 8 keys (--synthetic n=8)\n");
  EXPECT_EQ(
      RunProgram("--config " + kConfig + " --q missing.npy --k missing.npy --v missing.npy", out),
      2)
      << out;
  EXPECT_EQ(out.rfind("error: missing.npy: ", 0), 0u) << out;
  EXPECT_EQ(RunProgram("--config " + kConfig + " --bogus", out), 2) << out;
  EXPECT_EQ(RunProgram("--config " + kConfig + " --vary-config", out), 2) << out;
  EXPECT_EQ(out,
            "error: --vary-config: changes the configuration between heads, and the workload has "
            "one head; give two or more (--synthetic heads=2)\n");
  EXPECT_EQ(RunProgram("--config " + kConfig + " --synthetic nq=4 --reset-at 100000", out), 2)
      << out;
  EXPECT_NE(out.find("error: --reset-at: cycle 100000 is after the run, which ends in cycle "),
            std::string::npos)
      << out;
}

TEST(CosimCliTest, ShapeOfConfigMatchesTheBuiltModel) {
  // The model's shape comes from its params header's kConfigText, energon-cosim-args' from the
  // file: the same configuration, and so the same params header, every derived value in it.
  const FuShape built = models::small_nmax_fu::Model().shape;
  const FuShape derived = ShapeOfConfig(kConfig);
  EXPECT_EQ(derived.name, built.name);
  EXPECT_EQ(gen::ConfigFileText(derived.config, derived.derived),
            gen::ConfigFileText(built.config, built.derived));
  EXPECT_EQ(gen::ParamsHeader(derived.config, derived.derived),
            gen::ParamsHeader(built.config, built.derived));
  EXPECT_EQ(gen::DerivedJson(derived.derived), gen::DerivedJson(built.derived));
  // ... which is the header the model was compiled with, byte for byte.
  EXPECT_EQ(ReadText(std::string(ENERGON_SMALL_NMAX_GEN_DIR) + "/" +
                     gen::ParamsHeaderName(built.derived)),
            gen::ParamsHeader(built.config, built.derived));
}

TEST(CosimCliTest, OutputAndReportJsonFiles) {
  ScopedTempDir dir;
  std::string out;
  const std::string npy = dir.File("out.npy"), json = dir.File("run.json");
  ASSERT_EQ(
      RunProgram("--config " + kConfig + " --alpha -64,32 --synthetic nq=5,heads=2 --output " +
                     npy + " --report-json " + json,
                 out),
      0)
      << out;
  // The outputs the RTL produced: int16 [heads, queries, D], equal to the golden model's.
  const golden::NpyArray array = golden::ReadNpy(npy);
  EXPECT_EQ(array.shape, (std::vector<std::size_t>{2, 5, 8}));
  const golden::Workload workload =
      golden::MakeSyntheticWorkload(golden::ParseSyntheticSpec("n=8,d=8,nq=5,heads=2"));
  const FuShape shape = models::small_nmax_fu::Model().shape;
  golden::RunParams run;
  run.alpha = {-64, 32};
  for (std::size_t h = 0; h < 2; ++h) {
    const golden::GoldenHead head(workload.heads[h], GoldenParamsOf(shape, 4).hw, run);
    for (int i = 0; i < 5; ++i) {
      const std::vector<std::int16_t> expected = head.Run(i).attention.out;
      for (std::size_t t = 0; t < expected.size(); ++t) {
        EXPECT_EQ(array.ints[(h * 5 + static_cast<std::size_t>(i)) * 8 + t], expected[t])
            << "head " << h << " query " << i << " element " << t;
      }
    }
  }
  const nlohmann::json report = nlohmann::json::parse(ReadText(json));
  EXPECT_EQ(report["passed"], true);
  EXPECT_EQ(report["queries"], 10);
  EXPECT_GT(report["transfers_checked"].get<int>(), 10);
  EXPECT_GT(report["last_output_cycle"].get<int>(), report["first_query_cycle"].get<int>());
  EXPECT_EQ(report["memory_bytes_fetched"].get<int>(),
            report["memory_rows_fetched"].get<int>() * 4 * 8);
  EXPECT_EQ(report["stages"].size(), 2u + 4u);
  EXPECT_EQ(report["stages"][0]["name"], "FU round 1");
  EXPECT_TRUE(report.contains("busiest_stage"));
}

int CheckArguments(const std::vector<std::string>& args) {
  const std::vector<const char*> argv = Argv("energon-cosim-args", args);
  return CheckArgumentsMain(static_cast<int>(argv.size()), argv.data());
}

TEST(CosimCliTest, ArgumentsAreCheckedWithoutAModel) {
  // The default configuration has no model in this binary: its shape comes from the file.
  const std::string other = std::string(ENERGON_SOURCE_DIR) + "/configs/default.cfg";
  EXPECT_EQ(CheckArguments({"--config", other, "--alpha", "-64,32", "--synthetic", "nq=4"}),
            kExitPass);
  EXPECT_EQ(CheckArguments({"--config", other, "--alpha", "-64,32,0"}), kExitBadInput);
  EXPECT_EQ(CheckArguments({"--config", other, "--synthetic", "d=8"}), kExitBadInput);
  EXPECT_EQ(CheckArguments({"--config", other, "--synthetic", "n=513"}), kExitBadInput);
  EXPECT_EQ(CheckArguments({"--config", kConfig, "--synthetic", "n=8,nq=4"}), kExitPass);
  EXPECT_EQ(CheckArguments({"--config", kConfig, "--synthetic", "n=9"}), kExitBadInput);
  EXPECT_EQ(CheckArguments({"--config", kConfig, "--vary-config"}), kExitBadInput);
  EXPECT_EQ(CheckArguments({"--config", kConfig, "--vary-config", "--synthetic", "heads=2"}),
            kExitPass);
  EXPECT_EQ(CheckArguments({"--config", kConfig, "--q", "missing.npy", "--k", "missing.npy"}),
            kExitBadInput);
  EXPECT_EQ(CheckArguments({"--config", "missing.cfg"}), kExitBadInput);
  EXPECT_EQ(CheckArguments({"--alpha", "0,0"}), kExitBadInput);
}

int Vectors(const std::vector<std::string>& args) {
  const std::vector<const char*> argv = Argv("energon-vectors", args);
  return VectorsMain(static_cast<int>(argv.size()), argv.data());
}

// energon-vectors writes without a model what energon-cosim --vectors writes for its run, byte
// for byte, and refuses what only a model run uses.
TEST(CosimCliTest, VectorsWithoutAModelAreTheCosimulationsVectors) {
  ScopedTempDir dir;
  const std::string workload = "--alpha -64,32 --synthetic nq=5,heads=2 --causal --n-keys 6";
  std::string out;
  ASSERT_EQ(
      RunProgram("--config " + kConfig + " " + workload + " --vectors " + dir.File("cosim"), out),
      0)
      << out;
  EXPECT_EQ(Vectors({"--config", kConfig, "--alpha", "-64,32", "--synthetic", "nq=5,heads=2",
                     "--causal", "--n-keys", "6", "--vectors", dir.File("tool")}),
            kExitPass);
  for (const char* name : kVectorFiles) {
    SCOPED_TRACE(name);
    EXPECT_FALSE(ReadText(dir.File("tool/") + name).empty());
    EXPECT_EQ(ReadText(dir.File("tool/") + name), ReadText(dir.File("cosim/") + name));
  }
  EXPECT_EQ(Vectors({"--config", kConfig, "--stall-seed", "3", "--vectors", dir.File("x")}),
            kExitBadInput);
  EXPECT_EQ(Vectors({"--config", kConfig}), kExitBadInput);
  EXPECT_EQ(Vectors({"--config", kConfig, "--synthetic", "n=9", "--vectors", dir.File("x")}),
            kExitBadInput);
  EXPECT_FALSE(std::filesystem::exists(dir.File("x")));
  EXPECT_EQ(ParseError({"--config", kConfig, "--vectors", ""}),
            "--vectors: is empty; give the folder to write, e.g. --vectors vec");
  EXPECT_EQ(
      Parse({"--config", kConfig, "--vectors", "v", "--output", "o.npy", "--causal"}).run_options,
      (std::vector<std::string>{"--output"}));
}

}  // namespace
}  // namespace energon::sim::cli
