// The energon-gen binary end to end: byte-identical output from any working directory, exit
// codes and messages, nothing written on bad input, manifest hashes, compilable headers.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "generator/sha256.h"
#include "tests/common/temp_dir.h"
#include "tests/gen/test_util.h"

namespace energon::gen {
namespace {

namespace fs = std::filesystem;
using testing::ConfigPath;
using testing::Entries;
using testing::ReadText;
using testing::ReadTree;
using testing::WriteText;

struct Result {
  int exit_code = -1;
  std::string out, err;
};

std::string Quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Runs energon-gen with `args` in the folder `cwd`; stdout and stderr go to files in `scratch`.
Result RunGen(const std::vector<std::string>& args, const fs::path& cwd, const fs::path& scratch) {
  std::string command = "cd " + Quote(cwd.string()) + " && " + Quote(ENERGON_GEN_BIN);
  for (const std::string& arg : args) command += " " + Quote(arg);
  const fs::path out = scratch / "stdout.txt", err = scratch / "stderr.txt";
  command += " >" + Quote(out.string()) + " 2>" + Quote(err.string());
  const int status = std::system(command.c_str());
  Result result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadText(out);
  result.err = ReadText(err);
  fs::remove(out);
  fs::remove(err);
  return result;
}

TEST(CliTest, SameInputGivesByteIdenticalTreesFromAnyFolder) {
  ScopedTempDir dir;
  fs::create_directories(dir.path() / "here/deeper");
  fs::create_directories(dir.path() / "there");
  const Result first = RunGen({"--config", ConfigPath("wide_3round"), "--out", "out"},
                              dir.path() / "here/deeper", dir.path());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, "");
  EXPECT_EQ(first.err, "");
  const Result second = RunGen(
      {"--out", (dir.path() / "there/other").string(), "--config", ConfigPath("wide_3round")},
      dir.path() / "there", dir.path());
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const auto tree = ReadTree(dir.path() / "here/deeper/out");
  EXPECT_GE(tree.size(), 8u);
  EXPECT_EQ(tree, ReadTree(dir.path() / "there/other"));
  // A rerun into the same folder replaces it with the same bytes.
  ASSERT_EQ(RunGen({"--config", ConfigPath("wide_3round"), "--out", "out"},
                   dir.path() / "here/deeper", dir.path())
                .exit_code,
            0);
  EXPECT_EQ(ReadTree(dir.path() / "here/deeper/out"), tree);
}

TEST(CliTest, ManifestHashesMatchTheFilesOnDisk) {
  ScopedTempDir dir;
  ASSERT_EQ(RunGen({"--config", ConfigPath("tiny_1lane"), "--out", "o"}, dir.path(), dir.path())
                .exit_code,
            0);
  auto tree = ReadTree(dir.path() / "o");
  const nlohmann::json manifest = nlohmann::json::parse(tree.at("manifest.json"));
  tree.erase("manifest.json");
  ASSERT_EQ(manifest["files"].size(), tree.size());
  for (const nlohmann::json& file : manifest["files"]) {
    const std::string path = file["path"];
    ASSERT_EQ(tree.count(path), 1u) << path;
    EXPECT_EQ(file["sha256"], Sha256Hex(tree.at(path))) << path;
  }
}

TEST(CliTest, BadInputExitsTwoAndWritesNothing) {
  ScopedTempDir dir;
  Result result = RunGen({"--fu-lanes", "12", "--out", "o"}, dir.path(), dir.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "error: --fu-lanes: 12 is not a power of two; use 8 or 16\n");
  EXPECT_EQ(result.out, "");
  EXPECT_FALSE(fs::exists(dir.path() / "o"));

  // An existing output stays as it was.
  ASSERT_EQ(RunGen({"--config", ConfigPath("small_nmax"), "--out", "o"}, dir.path(), dir.path())
                .exit_code,
            0);
  const auto before = ReadTree(dir.path() / "o");
  WriteText(dir.path() / "bad.cfg", "d = 8\nwidth = 3\n");
  result = RunGen({"--config", "bad.cfg", "--out", "o"}, dir.path(), dir.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "error: bad.cfg: unknown key 'width'; the keys are the long option names d, n-max, "
            "rounds, fu-lanes, au-lanes, pv-lanes, fetch-rows, div-lanes, fx, pb, fetch-ahead, "
            "prefix, probes, "
            "mem-style, sram-max-width, sram-max-depth, query-slots\n");
  EXPECT_EQ(ReadTree(dir.path() / "o"), before);
  // An AU rule broken in the file: the message names the file and the key.
  WriteText(dir.path() / "bad.cfg", "d = 8\ndiv-lanes = 9\n");
  result = RunGen({"--config", "bad.cfg", "--out", "o"}, dir.path(), dir.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "error: bad.cfg: div-lanes: 9 is outside 1..8 (rounded divisions per cycle, at most "
            "D; 0 = min(D, 16)); use 8\n");
  EXPECT_EQ(ReadTree(dir.path() / "o"), before);
  EXPECT_EQ(Entries(dir.path()), (std::vector<std::string>{"bad.cfg", "o"}));

  // A folder energon-gen did not write is refused, untouched.
  WriteText(dir.path() / "mine/keep.txt", "x");
  result = RunGen({"--out", "mine"}, dir.path(), dir.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "error: --out: 'mine' is a folder with files but no manifest.json written by "
            "energon-gen; refusing to replace it: choose a new or empty folder, or remove it\n");
  EXPECT_EQ(ReadTree(dir.path() / "mine"), (std::map<std::string, std::string>{{"keep.txt", "x"}}));
  EXPECT_EQ(Entries(dir.path()), (std::vector<std::string>{"bad.cfg", "mine", "o"}));
}

TEST(CliTest, PrintConfigPrintsJsonAndWritesNothing) {
  ScopedTempDir dir;
  const Result result =
      RunGen({"--config", ConfigPath("default"), "--probes", "off", "--print-config", "--out", "o"},
             dir.path(), dir.path());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const nlohmann::json json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["config"]["prefix"], "energon_d64_n512_l16_r4x2_4x4_a4_np_");
  EXPECT_EQ(json["config"]["probes"], false);
  EXPECT_EQ(json["config"]["au-lanes"], 4);
  EXPECT_EQ(json["derived"]["score_w"], 14);
  EXPECT_EQ(json["derived"]["au"]["logit_w"], 38);
  EXPECT_EQ(Entries(dir.path()), std::vector<std::string>{});
}

TEST(CliTest, HelpAndVersionExitZero) {
  ScopedTempDir dir;
  Result result = RunGen({"--version"}, dir.path(), dir.path());
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out.rfind("energon-gen ", 0), 0u);
  result = RunGen({"--help"}, dir.path(), dir.path());
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("--print-config"), std::string::npos);
}

// Every named configuration's params header, all in one translation unit: each compiles alone
// under C++20 and their namespaces do not collide.
TEST(CliTest, ParamsHeadersOfAllNamedConfigsCompileTogether) {
  ScopedTempDir dir;
  std::string source;
  for (const std::string& name : testing::NamedConfigs()) {
    const fs::path out = dir.path() / name;
    ASSERT_EQ(RunGen({"--config", ConfigPath(name), "--out", out.string()}, dir.path(), dir.path())
                  .exit_code,
              0)
        << name;
    for (const auto& entry : fs::directory_iterator(out)) {
      if (entry.path().string().ends_with("params.h")) {
        source += "#include \"" + entry.path().string() + "\"\n";
        source += "#include \"" + entry.path().string() + "\"\n";  // include guard holds
      }
    }
  }
  source +=
      "static_assert(energon::generated::energon_d16_n128_l8_r2x2_3x2_3x4_a3p2f5x10b20_q5::"
      "kReuse[2]);\n"
      "static_assert(energon::generated::energon_d8_n16_l1_r4x2_4x4_a1v1_q3::kLaneCntW == 1);\n"
      "static_assert(energon::generated::energon_d16_n64_l4_r4x4_a2p3v5c3x6b12::kPvLanes == 3);\n"
      "static_assert(energon::generated::energon_d8_n8_l2_r4x2_4x4_a2::kDivLanes == 8);\n"
      "static_assert(energon::generated::energon_d64_n512_l16_r4x2_4x4_a4::kAccW == 40);\n"
      "int main() { return 0; }\n";
  WriteText(dir.path() / "all.cc", source);
  const std::string command = std::string(Quote(ENERGON_CXX)) +
                              " -std=c++20 -Wall -Wextra -Werror -pedantic -fsyntax-only " +
                              Quote((dir.path() / "all.cc").string()) + " 2>" +
                              Quote((dir.path() / "cxx.txt").string());
  EXPECT_EQ(std::system(command.c_str()), 0) << ReadText(dir.path() / "cxx.txt");
}

}  // namespace
}  // namespace energon::gen
