// WriteFileAtomically: the one writer of every result file (traces, .npy outputs, reports). It
// writes only to regular files or new paths: anything else at the path is refused and left as
// it was, with no temporary beside it.
#include "golden/files.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "golden/errors.h"
#include "tests/common/error_of.h"
#include "tests/common/temp_dir.h"

namespace energon::golden {
namespace {

namespace fs = std::filesystem;

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(WriteFileAtomicallyTest, WritesNewFilesAndReplacesRegularOnes) {
  const ScopedTempDir dir;
  const std::string path = dir.File("out.json");
  WriteFileAtomically(path, "first\n");
  EXPECT_EQ(ReadText(path), "first\n");
  WriteFileAtomically(path, "second\n");
  EXPECT_EQ(ReadText(path), "second\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}

TEST(WriteFileAtomicallyTest, RefusesADirectory) {
  const ScopedTempDir dir;
  const std::string path = dir.File("folder");
  fs::create_directory(path);
  EXPECT_EQ(ErrorOf([&] { WriteFileAtomically(path, "x"); }),
            path +
                ": is a directory, not a regular file; outputs are written only to regular "
                "files or new paths, give a file name");
  EXPECT_TRUE(fs::is_directory(path));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}

TEST(WriteFileAtomicallyTest, RefusesAFifo) {
  const ScopedTempDir dir;
  const std::string path = dir.File("pipe");
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  EXPECT_EQ(ErrorOf([&] { WriteFileAtomically(path, "x"); }),
            path +
                ": is a fifo, not a regular file; outputs are written only to regular "
                "files or new paths, give a file name");
  EXPECT_TRUE(fs::is_fifo(fs::symlink_status(path)));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}

// A symbolic link is refused even when it points at a regular file: the rename would replace
// the link itself by a plain file and leave its target as it was, which is never what the user
// meant.
TEST(WriteFileAtomicallyTest, RefusesASymbolicLinkAndKeepsItsTarget) {
  const ScopedTempDir dir;
  const std::string target = dir.File("target.json"), link = dir.File("link.json");
  std::ofstream(target) << "kept\n";
  fs::create_symlink(target, link);
  EXPECT_EQ(ErrorOf([&] { WriteFileAtomically(link, "x"); }),
            link +
                ": is a symbolic link; outputs are written only to regular files or new "
                "paths (the link would be replaced by a plain file), give the path of its "
                "target or a new name");
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(ReadText(target), "kept\n");
  const std::string dangling = dir.File("dangling.json");
  fs::create_symlink(dir.File("nowhere.json"), dangling);
  EXPECT_NE(ErrorOf([&] { WriteFileAtomically(dangling, "x"); }).find("is a symbolic link"),
            std::string::npos);
  EXPECT_FALSE(fs::exists(dir.File("nowhere.json")));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 3);
}

TEST(CheckOutputPathTest, AcceptsNewPathsAndRegularFiles) {
  const ScopedTempDir dir;
  EXPECT_NO_THROW(CheckOutputPath(dir.File("new.npy")));
  std::ofstream(dir.File("old.npy")) << "x";
  EXPECT_NO_THROW(CheckOutputPath(dir.File("old.npy")));
  EXPECT_EQ(ErrorOf([] { CheckOutputPath("/dev/full"); }),
            "/dev/full: is a character device, not a regular file; outputs are written only to "
            "regular files or new paths, give a file name");
}

}  // namespace
}  // namespace energon::golden
