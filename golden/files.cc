#include "golden/files.h"

#include <fmt/format.h>
#include <unistd.h>

#include <fstream>

#include "golden/errors.h"

namespace energon::golden {

namespace fs = std::filesystem;

std::string FileTypeName(fs::file_type type) {
  switch (type) {
    case fs::file_type::regular:
      return "a regular file";
    case fs::file_type::directory:
      return "a directory";
    case fs::file_type::symlink:
      return "a symbolic link";
    case fs::file_type::block:
      return "a block device";
    case fs::file_type::character:
      return "a character device";
    case fs::file_type::fifo:
      return "a fifo";
    case fs::file_type::socket:
      return "a socket";
    default:
      return "not a regular file";
  }
}

void CheckOutputPath(const std::string& path) {
  std::error_code ec;
  const fs::file_type type = fs::symlink_status(path, ec).type();
  if (type == fs::file_type::not_found || type == fs::file_type::regular) return;
  if (type == fs::file_type::symlink) {
    throw InputError(path,
                     "is a symbolic link; outputs are written only to regular files or new "
                     "paths (the link would be replaced by a plain file), give the path of "
                     "its target or a new name");
  }
  if (ec) return;  // e.g. a folder without search permission: creating the file reports it
  throw InputError(path, fmt::format("is {}, not a regular file; outputs are written only to "
                                     "regular files or new paths, give a file name",
                                     FileTypeName(type)));
}

void CheckInputIsRegular(const std::string& path, const std::string& fix) {
  std::error_code ec;
  const fs::file_type type = fs::status(path, ec).type();
  if (ec || type == fs::file_type::not_found || type == fs::file_type::regular) return;
  throw InputError(path, fmt::format("is {}, not a regular file; {}", FileTypeName(type), fix));
}

void WriteFileAtomically(const std::string& path, const std::string& bytes) {
  CheckOutputPath(path);
  const fs::path target(path);
  const fs::path temp =
      target.parent_path() / fmt::format(".{}.tmp.{}", target.filename().string(), ::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) {
      throw InputError(path,
                       "cannot create the file; check that the folder exists and is writable");
    }
    out << bytes;
    out.flush();
    if (!out) {
      out.close();
      fs::remove(temp);
      throw InputError(path, "writing failed; check the free space");
    }
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp);
    throw InputError(path, fmt::format("cannot replace the file: {}", ec.message()));
  }
}

}  // namespace energon::golden
