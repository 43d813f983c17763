#include "golden/files.h"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "golden/errors.h"

namespace energon::golden {

void WriteFileAtomically(const std::string& path, const std::string& bytes) {
  namespace fs = std::filesystem;
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
