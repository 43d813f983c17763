// WriteOutputTree: all or nothing, and the overwrite policy of output_tree.h.
#include "generator/output_tree.h"

#include <gtest/gtest.h>

#include "generator/generate.h"
#include "tests/common/temp_dir.h"
#include "tests/gen/test_util.h"

namespace energon::gen {
namespace {

namespace fs = std::filesystem;
using testing::Entries;
using testing::ErrorOf;
using testing::ReadText;
using testing::ReadTree;
using testing::WriteText;

std::vector<OutputFile> Output(const std::string& config_name) {
  const Options options = testing::Load(config_name);
  return GenerateOutput(options.config, options.derived);
}

std::map<std::string, std::string> AsTree(const std::vector<OutputFile>& files) {
  std::map<std::string, std::string> tree;
  for (const OutputFile& file : files) tree[file.path] = file.text;
  return tree;
}

TEST(OutputTreeTest, CreatesTheFolderAndItsParents) {
  ScopedTempDir dir;
  const std::vector<OutputFile> files = Output("small_nmax");
  WriteOutputTree(dir.File("a/b/out"), files);
  EXPECT_EQ(ReadTree(dir.path() / "a/b/out"), AsTree(files));
  EXPECT_EQ(Entries(dir.path() / "a/b"), std::vector<std::string>{"out"});  // no temp left
}

TEST(OutputTreeTest, ReplacesAnEarlierOutputCompletely) {
  ScopedTempDir dir;
  const std::string out = dir.File("out");
  WriteOutputTree(out, Output("default"));
  const std::vector<OutputFile> files = Output("single_round");
  WriteOutputTree(out + "/", files);  // a trailing '/' names the same folder
  // Files of the earlier configuration (other prefix) are gone.
  EXPECT_EQ(ReadTree(out), AsTree(files));
  EXPECT_EQ(Entries(dir.path()), std::vector<std::string>{"out"});
}

TEST(OutputTreeTest, ReplacesAnEmptyFolder) {
  ScopedTempDir dir;
  fs::create_directory(dir.path() / "out");
  const std::vector<OutputFile> files = Output("small_nmax");
  WriteOutputTree(dir.File("out"), files);
  EXPECT_EQ(ReadTree(dir.path() / "out"), AsTree(files));
}

TEST(OutputTreeTest, RefusesAFolderOfOtherFiles) {
  ScopedTempDir dir;
  const std::string out = dir.File("mine");
  WriteText(dir.path() / "mine/notes.txt", "keep me");
  EXPECT_EQ(ErrorOf([&] { WriteOutputTree(out, Output("small_nmax")); }),
            "--out: '" + out +
                "' is a folder with files but no manifest.json written by "
                "energon-gen; refusing to replace it: choose a new or empty folder, or remove it");
  WriteText(dir.path() / "mine/manifest.json", R"({"generator": {"name": "other-tool"}})");
  EXPECT_EQ(ErrorOf([&] { WriteOutputTree(out, Output("small_nmax")); }),
            "--out: '" + out +
                "' is a folder with files but no manifest.json written by "
                "energon-gen; refusing to replace it: choose a new or empty folder, or remove it");
  EXPECT_EQ(ReadText(dir.path() / "mine/notes.txt"), "keep me");
  EXPECT_EQ(Entries(dir.path()), std::vector<std::string>{"mine"});
}

TEST(OutputTreeTest, RefusesAnOutputWithAddedFiles) {
  ScopedTempDir dir;
  const std::string out = dir.File("out");
  const std::vector<OutputFile> files = Output("small_nmax");
  WriteOutputTree(out, files);
  WriteText(dir.path() / "out/synth/run.log", "results");
  EXPECT_EQ(ErrorOf([&] { WriteOutputTree(out, Output("default")); }),
            "--out: '" + out +
                "' holds 'synth/run.log', which its manifest.json does not list; "
                "refusing to replace the folder: move that file away or choose another --out");
  std::map<std::string, std::string> expected = AsTree(files);
  expected["synth/run.log"] = "results";
  EXPECT_EQ(ReadTree(out), expected);
  EXPECT_EQ(Entries(dir.path()), std::vector<std::string>{"out"});
}

TEST(OutputTreeTest, RefusesFilesAndLinks) {
  ScopedTempDir dir;
  WriteText(dir.path() / "file", "x");
  EXPECT_EQ(ErrorOf([&] { WriteOutputTree(dir.File("file"), Output("small_nmax")); }),
            "--out: '" + dir.File("file") + "' exists and is not a folder; choose another --out");
  fs::create_directory(dir.path() / "real");
  fs::create_directory_symlink(dir.path() / "real", dir.path() / "link");
  EXPECT_EQ(ErrorOf([&] { WriteOutputTree(dir.File("link"), Output("small_nmax")); }),
            "--out: '" + dir.File("link") +
                "' is a symbolic link; give the folder it points to "
                "or a new one");
  EXPECT_TRUE(fs::is_empty(dir.path() / "real"));
  EXPECT_EQ(ReadText(dir.path() / "file"), "x");
}

TEST(OutputTreeTest, AFailedWriteLeavesTheFolderAndNoTemporaryFolder) {
  ScopedTempDir dir;
  const std::string out = dir.File("out");
  const std::vector<OutputFile> first = Output("small_nmax");
  WriteOutputTree(out, first);
  // "a" is a file, so "a/b" cannot be written: the run fails half-way.
  const std::vector<OutputFile> broken = {{"manifest.json", "{}\n"}, {"a", "x"}, {"a/b", "y"}};
  EXPECT_EQ(ErrorOf([&] { WriteOutputTree(out, broken); }),
            "--out: cannot create 'a/b' in a temporary folder beside '" + out +
                "'; check that the folder is writable");
  EXPECT_EQ(ReadTree(out), AsTree(first));
  EXPECT_EQ(Entries(dir.path()), std::vector<std::string>{"out"});
  // The same failure for a new folder leaves nothing at all.
  EXPECT_NE(ErrorOf([&] { WriteOutputTree(dir.File("new"), broken); }), "<no InputError>");
  EXPECT_EQ(Entries(dir.path()), std::vector<std::string>{"out"});
}

TEST(OutputTreeTest, RefusesPathsOutsideTheFolder) {
  ScopedTempDir dir;
  EXPECT_THROW(WriteOutputTree(dir.File("out"), {{"../escape", "x"}}), std::logic_error);
  EXPECT_THROW(WriteOutputTree(dir.File("out"), {{"/abs", "x"}}), std::logic_error);
  EXPECT_EQ(Entries(dir.path()), std::vector<std::string>{});
}

}  // namespace
}  // namespace energon::gen
