// energon-gen's command line and --config files: keys are the long option names, the command
// line overrides the file, and bad input gets the exact message users see.
#include "generator/gen_options.h"

#include <gtest/gtest.h>

#include "tests/common/temp_dir.h"
#include "tests/gen/test_util.h"

namespace energon::gen {
namespace {

using testing::ErrorOf;
using testing::Parse;
using testing::WriteText;

std::string ParseError(const std::vector<std::string>& args) {
  Options options;
  return ErrorOf([&] { Parse(args, options); });
}

TEST(GenOptionsTest, DefaultsAreTheDocumentedOnes) {
  Options options;
  EXPECT_EQ(Parse({"--out", "x"}, options), Action::kGenerate);
  EXPECT_EQ(options.config.fu.d, 64);
  EXPECT_EQ(options.config.fu.n_max, 512);
  EXPECT_EQ(options.config.fu.rounds, (std::vector<golden::RoundWidths>{{4, 2}, {4, 4}}));
  EXPECT_EQ(options.config.fu.fu_lanes, 16);
  EXPECT_TRUE(options.config.top.probes);
  EXPECT_EQ(options.config.top.mem_style, MemStyle::kBehavioral);
  // The AU's defaults: all derived (0): min(4, N_MAX) logit lanes, as many p*V lanes,
  // min(A, L) fetch rows, min(D, 16) dividers.
  EXPECT_EQ(options.config.au.au_lanes, 0);
  EXPECT_EQ(options.derived.au.au_lanes, 4);
  EXPECT_EQ(options.config.au.pv_lanes, 0);
  EXPECT_EQ(options.config.au.fetch_rows, 0);
  EXPECT_EQ(options.config.au.div_lanes, 0);
  EXPECT_EQ(options.config.au.fx, 8);
  EXPECT_EQ(options.config.au.pb, 15);
  EXPECT_EQ(options.derived.au.pv_lanes, 4);    // A
  EXPECT_EQ(options.derived.au.fetch_rows, 4);  // min(A, L)
  EXPECT_EQ(options.derived.au.div_lanes, 16);  // min(D, 16)
  EXPECT_EQ(options.derived.top.prefix, "energon_d64_n512_l16_r4x2_4x4_a4_");
  EXPECT_EQ(options.out_dir, "x");
}

// Every design option set to a non-default value, from the command line or from a file.
void ExpectEveryDesignOptionSet(const Options& options) {
  EXPECT_EQ(options.config.fu.d, 16);
  EXPECT_EQ(options.config.fu.n_max, 64);
  EXPECT_EQ(options.config.fu.rounds, (std::vector<golden::RoundWidths>{{2, 1}, {2, 3}}));
  EXPECT_EQ(options.config.fu.fu_lanes, 4);
  EXPECT_EQ(options.config.au.au_lanes, 3);
  EXPECT_EQ(options.config.au.pv_lanes, 5);
  EXPECT_EQ(options.config.au.fetch_rows, 2);
  EXPECT_EQ(options.config.au.div_lanes, 7);
  EXPECT_EQ(options.config.au.fx, 6);
  EXPECT_EQ(options.config.au.pb, 12);
  EXPECT_EQ(options.config.au.fetch_ahead, 3);
  EXPECT_EQ(options.config.top.prefix, "my_fu_");
  EXPECT_FALSE(options.config.top.probes);
  EXPECT_EQ(options.config.top.mem_style, MemStyle::kBlackbox);
  EXPECT_EQ(options.config.top.query_slots, 5);
  EXPECT_EQ(options.config.top.sram_max_width, 64);
  EXPECT_EQ(options.config.top.sram_max_depth, 512);
  EXPECT_EQ(options.derived.top.prefix, "my_fu_");
}

TEST(GenOptionsTest, EveryOptionOnTheCommandLine) {
  Options options;
  EXPECT_EQ(Parse({"--d",          "16",       "--n-max",       "64",     "--rounds",   "2x1,2x3",
                   "--fu-lanes",   "4",        "--au-lanes",    "3",      "--pv-lanes", "5",
                   "--fetch-rows", "2",        "--div-lanes",   "7",      "--fx",       "6",
                   "--pb",         "12",       "--prefix",      "my_fu_", "--probes",   "off",
                   "--mem-style",  "blackbox", "--query-slots", "5",      "--fetch-ahead", "3",
                   "--sram-max-width", "64",   "--sram-max-depth", "512", "--out=o"},
                  options),
            Action::kGenerate);
  ExpectEveryDesignOptionSet(options);
  EXPECT_EQ(options.out_dir, "o");
}

TEST(GenOptionsTest, ProbesTakeOnOffTrueFalseOneZero) {
  for (const auto& [text, value] : {std::pair{"on", true},
                                    {"true", true},
                                    {"1", true},
                                    {"off", false},
                                    {"false", false},
                                    {"0", false}}) {
    Options options;
    Parse({"--probes", text, "--print-config"}, options);
    EXPECT_EQ(options.config.top.probes, value) << text;
  }
  EXPECT_EQ(ParseError({"--probes", "maybe", "--out", "o"}),
            "--probes: 'maybe' is not on or off; use on or off (true/false and 1/0 also work)");
}

TEST(GenOptionsTest, ConfigFileKeysAreTheLongOptionNames) {
  ScopedTempDir dir;
  WriteText(dir.File("all.cfg"),
            "# every key\nd = 16\nn-max = 64\nrounds = 2x1,2x3\nfu-lanes = 4\nau-lanes = 3\n"
            "pv-lanes = 5\nfetch-rows = 2\ndiv-lanes = 7\nfx = 6\npb = 12\nprefix = my_fu_\n"
            "probes = off\nmem-style = blackbox\nquery-slots = 5\nfetch-ahead = 3\n"
            "sram-max-width = 64\nsram-max-depth = 512\n");
  Options options;
  EXPECT_EQ(Parse({"--config", dir.File("all.cfg"), "--out", "o"}, options), Action::kGenerate);
  ExpectEveryDesignOptionSet(options);
}

TEST(GenOptionsTest, CommandLineOverridesTheFile) {
  ScopedTempDir dir;
  WriteText(dir.File("a.cfg"), "d = 16\nn-max = 64\nfu-lanes = 4\n");
  Options options;
  Parse({"--fu-lanes", "8", "--config", dir.File("a.cfg"), "--d", "32", "--print-config"}, options);
  EXPECT_EQ(options.config.fu.d, 32);
  EXPECT_EQ(options.config.fu.n_max, 64);
  EXPECT_EQ(options.config.fu.fu_lanes, 8);
  EXPECT_EQ(options.derived.top.prefix, "energon_d32_n64_l8_r4x2_4x4_a4_");
  // AU keys too.
  WriteText(dir.File("b.cfg"), "au-lanes = 2\nfx = 10\npb = 20\n");
  Parse({"--config", dir.File("b.cfg"), "--au-lanes", "8", "--print-config"}, options);
  EXPECT_EQ(options.config.au.au_lanes, 8);
  EXPECT_EQ(options.config.au.fx, 10);
  EXPECT_EQ(options.config.au.pb, 20);
  EXPECT_EQ(options.derived.top.prefix, "energon_d64_n512_l16_r4x2_4x4_a8x10b20_");
}

TEST(GenOptionsTest, UnknownConfigKeysNameTheFileAndTheKey) {
  ScopedTempDir dir;
  const std::string file = dir.File("bad.cfg");
  WriteText(file, "d = 16\nlanes = 4\n");
  EXPECT_EQ(ParseError({"--config", file, "--out", "o"}),
            file +
                ": unknown key 'lanes'; the keys are the long option names d, n-max, rounds, "
                "fu-lanes, au-lanes, pv-lanes, fetch-rows, div-lanes, fx, pb, fetch-ahead, prefix, "
                "probes, "
                "mem-style, sram-max-width, sram-max-depth, query-slots");
  WriteText(file, "out = somewhere\n");
  EXPECT_EQ(ParseError({"--config", file, "--out", "o"}),
            file +
                ": 'out' belongs on the command line (--out); config files hold the design "
                "keys d, n-max, rounds, fu-lanes, au-lanes, pv-lanes, fetch-rows, div-lanes, fx, "
                "pb, fetch-ahead, prefix, probes, mem-style, sram-max-width, sram-max-depth, "
                "query-slots");
}

TEST(GenOptionsTest, BadFileValuesNameTheFileAndTheKey) {
  ScopedTempDir dir;
  const std::string file = dir.File("bad.cfg");
  WriteText(file, "fu-lanes = 12\n");
  EXPECT_EQ(ParseError({"--config", file, "--out", "o"}),
            file + ": fu-lanes: 12 is not a power of two; use 8 or 16");
  WriteText(file, "rounds = 4x4,4x2\n");
  EXPECT_EQ(ParseError({"--config", file, "--out", "o"}),
            file +
                ": rounds: round 2 (4x2) is narrower than round 1 (4x4); widths must not "
                "decrease from round to round, e.g. 4x4");
  WriteText(file, "d = sixty\n");
  EXPECT_EQ(ParseError({"--config", file, "--out", "o"}),
            file + ": d: 'sixty' is not a whole number; give one like 64");
  // The same value from the command line names the option.
  EXPECT_EQ(ParseError({"--config", file, "--d", "x", "--out", "o"}),
            "--d: 'x' is not a whole number; give one like 64");
  // A good command-line value hides the bad file value.
  EXPECT_EQ(ParseError({"--config", file, "--d", "8", "--out", "o"}), "<no InputError>");
}

TEST(GenOptionsTest, RepeatedFileKeysAndMissingFilesAreErrors) {
  ScopedTempDir dir;
  const std::string file = dir.File("twice.cfg");
  WriteText(file, "d = 16\nd = 32\n");
  EXPECT_EQ(ParseError({"--config", file, "--out", "o"}),
            file + ": key 'd' is given more than once; keep one");
  WriteText(file, "d 16\n");
  EXPECT_EQ(ParseError({"--config", file, "--out", "o"}),
            file +
                ": the options configuration file contains an invalid line 'd 16'; write one "
                "'key = value' per line with the long option names as keys");
  EXPECT_EQ(ParseError({"--config", dir.File("missing.cfg"), "--out", "o"}),
            "--config: cannot read '" + dir.File("missing.cfg") + "'; check the path");
}

// Found by fuzz/config_fuzz.cc (fuzz/corpus/config/found_placeholder_line): Boost's what()
// replaced %invalid_line% by the line until none was left, so a line holding it made
// energon-gen and energon-cosim loop for ever while the message grew until memory ran out.
TEST(GenOptionsTest, ConfigLinesThatHoldBoostPlaceholdersAreRefused) {
  EXPECT_EQ(ErrorOf([] { ParseConfigText("r%invalid_line%\n", "x.cfg"); }),
            "x.cfg: the options configuration file contains an invalid line 'r%invalid_line%'; "
            "write one 'key = value' per line with the long option names as keys");
  EXPECT_EQ(ErrorOf([] { ParseConfigText("d%prefix%%\n", "x.cfg"); }),
            "x.cfg: the options configuration file contains an invalid line 'd%prefix%%'; write "
            "one 'key = value' per line with the long option names as keys");
}

TEST(GenOptionsTest, RejectsBadCommandLines) {
  EXPECT_EQ(ParseError({"--lanes", "4"}),
            "command line: unrecognised option '--lanes'; see energon-gen --help");
  // No abbreviations: "--fu" is not "--fu-lanes".
  EXPECT_EQ(ParseError({"--fu", "4"}),
            "command line: unrecognised option '--fu'; see energon-gen --help");
  EXPECT_EQ(ParseError({"--n-max", "100", "--out", "o"}),
            "--n-max: 100 is not a power of two; use 64 or 128");
  EXPECT_EQ(ParseError({"--n-max", "99999999999", "--out", "o"}),
            "--n-max: 99999999999 is far out of range; give one like 512");
  EXPECT_EQ(ParseError({"--mem-style", "sram", "--out", "o"}),
            "--mem-style: 'sram' is not a memory style; use behavioral or blackbox");
  EXPECT_EQ(ParseError({"--prefix", "", "--out", "o"}),
            "--prefix: is empty; drop it for the default prefix");
  EXPECT_EQ(ParseError({"--rounds", "4x2;4x4", "--out", "o"}),
            "--rounds: '2;4x4' in '4x2;4x4' is not a width; write each round as QBxKB with whole "
            "numbers of bits, e.g. 4x2,4x4");
  EXPECT_EQ(ParseError({}),
            "--out: is missing; give the output folder, e.g. --out out/default, or "
            "--print-config to only print the parameters");
}

// A folder reads as an empty file (the default design, exit 0) and /dev/zero never ends.
TEST(GenOptionsTest, ConfigMustBeARegularFile) {
  ScopedTempDir dir;
  const std::string folder = dir.path().string();
  EXPECT_EQ(ParseError({"--config", folder, "--out", "o"}),
            "--config: '" + folder +
                "' is a directory, not a regular file; give a configuration file, e.g. --config "
                "configs/default.cfg");
  EXPECT_EQ(ParseError({"--config", "/dev/zero", "--print-config"}),
            "--config: '/dev/zero' is a character device, not a regular file; give a "
            "configuration file, e.g. --config configs/default.cfg");
}

TEST(GenOptionsTest, RejectsEmptyValuesAndStrayArguments) {
  for (const char* option : {"--d", "--rounds", "--mem-style", "--probes", "--query-slots"}) {
    EXPECT_EQ(ParseError({option, "", "--out", "o"}),
              std::string(option) +
                  ": is empty; give a value or leave the option out, see energon-gen --help");
  }
  EXPECT_EQ(ParseError({"--out", ""}),
            "--out: is empty; give the output folder, e.g. --out out/default");
  EXPECT_EQ(ParseError({"--config", "", "--out", "o"}),
            "--config: is empty; give a configuration file, e.g. --config configs/default.cfg");
  EXPECT_EQ(ParseError({"--out", "o", "configs/default.cfg"}),
            "command line: 'configs/default.cfg' is not an option; options start with -- and "
            "their values follow them, see energon-gen --help");
}

TEST(GenOptionsTest, PrintConfigNeedsNoOut) {
  Options options;
  EXPECT_EQ(Parse({"--print-config", "--fu-lanes", "4"}, options), Action::kPrintConfig);
  EXPECT_EQ(options.derived.fu.rows, 128);
  EXPECT_TRUE(options.out_dir.empty());
}

TEST(GenOptionsTest, HelpAndVersion) {
  Options options;
  std::string text;
  EXPECT_EQ(Parse({"--help"}, options, &text), Action::kHelp);
  for (const char* option :
       {"--config", "--out", "--print-config", "--d", "--n-max", "--rounds", "--fu-lanes",
        "--au-lanes", "--pv-lanes", "--fetch-rows", "--div-lanes", "--fx", "--pb", "--prefix",
        "--probes", "--mem-style", "--sram-max-width", "--sram-max-depth", "--query-slots",
        "--fetch-ahead"}) {
    EXPECT_NE(text.find(option), std::string::npos) << option;
  }
  EXPECT_EQ(Parse({"--version"}, options, &text), Action::kVersion);
  EXPECT_EQ(text, VersionText());
  EXPECT_EQ(text.rfind("energon-gen ", 0), 0u);
}

}  // namespace
}  // namespace energon::gen
