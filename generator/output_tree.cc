#include "generator/output_tree.h"

#include <fcntl.h>  // AT_FDCWD
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>

#include "generator/manifest.h"
#include "golden/errors.h"

namespace energon::gen {
namespace fs = std::filesystem;
using golden::InputError;

namespace {

constexpr const char* kWhere = "--out";

enum class Commit { kCreate, kReplace };

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Decides whether `target` may be written, by the policy in output_tree.h.
Commit CheckTarget(const std::string& dir, const fs::path& target) {
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(target, ec);
  if (status.type() == fs::file_type::not_found) return Commit::kCreate;
  if (ec) throw InputError(kWhere, fmt::format("cannot inspect '{}': {}", dir, ec.message()));
  if (fs::is_symlink(status)) {
    throw InputError(kWhere, fmt::format("'{}' is a symbolic link; give the folder it points to "
                                         "or a new one",
                                         dir));
  }
  if (!fs::is_directory(status)) {
    throw InputError(kWhere,
                     fmt::format("'{}' exists and is not a folder; choose another --out", dir));
  }
  if (fs::is_empty(target)) return Commit::kReplace;

  std::vector<std::string> listed;
  const fs::path manifest = target / kManifestName;
  if (!fs::is_regular_file(manifest) || !ReadManifestFiles(ReadFile(manifest), listed)) {
    throw InputError(kWhere, fmt::format("'{}' is a folder with files but no manifest.json "
                                         "written by energon-gen; refusing to replace it: choose "
                                         "a new or empty folder, or remove it",
                                         dir));
  }
  std::set<std::string> ours(listed.begin(), listed.end());
  ours.insert(std::string(kManifestName));
  for (auto it = fs::recursive_directory_iterator(target); it != fs::recursive_directory_iterator();
       ++it) {
    if (it->is_directory() && !it->is_symlink()) continue;
    const std::string relative = it->path().lexically_relative(target).generic_string();
    if (!it->is_regular_file() || it->is_symlink() || ours.count(relative) == 0) {
      throw InputError(kWhere, fmt::format("'{}' holds '{}', which its manifest.json does not "
                                           "list; refusing to replace the folder: move that "
                                           "file away or choose another --out",
                                           dir, relative));
    }
  }
  return Commit::kReplace;
}

void WriteFiles(const std::string& dir, const fs::path& root,
                const std::vector<OutputFile>& files) {
  for (const OutputFile& file : files) {
    const fs::path relative(file.path);
    if (relative.empty() || relative.is_absolute() ||
        relative.lexically_normal().generic_string() != file.path ||
        file.path.rfind("..", 0) == 0) {
      throw std::logic_error(
          fmt::format("output path '{}' is not a plain relative path", file.path));
    }
    const fs::path path = root / relative;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (ec || !out) {
      throw InputError(kWhere, fmt::format("cannot create '{}' in a temporary folder beside "
                                           "'{}'; check that the folder is writable",
                                           file.path, dir));
    }
    out << file.text;
    out.close();
    if (!out) {
      throw InputError(kWhere, fmt::format("writing '{}' beside '{}' failed; check the free space",
                                           file.path, dir));
    }
  }
}

// Puts `temp` in the place of the existing folder `target`; `temp` then holds the old tree.
void Exchange(const std::string& dir, const fs::path& temp, const fs::path& target) {
  if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) return;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) {
    throw InputError(kWhere, fmt::format("cannot replace '{}': {}", dir, std::strerror(errno)));
  }
  // No atomic exchange on this file system: move the old tree aside, then the new one in.
  const fs::path old = fs::path(temp).concat(".old");
  std::error_code ec;
  fs::rename(target, old, ec);
  if (ec) throw InputError(kWhere, fmt::format("cannot replace '{}': {}", dir, ec.message()));
  fs::rename(temp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::rename(old, target, ignored);
    throw InputError(kWhere, fmt::format("cannot replace '{}': {}", dir, ec.message()));
  }
  fs::rename(old, temp, ec);  // so that the caller removes the old tree as `temp`
}

}  // namespace

void WriteOutputTree(const std::string& dir, const std::vector<OutputFile>& files) {
  fs::path target = fs::absolute(fs::path(dir)).lexically_normal();
  if (!target.has_filename()) target = target.parent_path();  // "out/x/" names "out/x"
  if (target == target.root_path()) {
    throw InputError(kWhere, fmt::format("'{}' is the root folder; choose a folder below it", dir));
  }
  Commit commit = Commit::kCreate;
  try {
    commit = CheckTarget(dir, target);
  } catch (const fs::filesystem_error& e) {
    throw InputError(kWhere, fmt::format("cannot read '{}': {}", dir, e.code().message()));
  }

  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) {
    throw InputError(kWhere,
                     fmt::format("cannot create the parent folder of '{}': {}", dir, ec.message()));
  }
  const fs::path temp = target.parent_path() / fmt::format(".{}.energon-gen-tmp.{}",
                                                           target.filename().string(), ::getpid());
  fs::remove_all(temp, ec);
  if (!fs::create_directory(temp, ec) || ec) {
    throw InputError(kWhere, fmt::format("cannot create a temporary folder beside '{}': {}; check "
                                         "that its parent folder is writable",
                                         dir, ec ? ec.message() : "it exists"));
  }
  try {
    WriteFiles(dir, temp, files);
    if (commit == Commit::kCreate) {
      fs::rename(temp, target, ec);
      if (ec) {
        throw InputError(
            kWhere, fmt::format("cannot move the new output into '{}': {}", dir, ec.message()));
      }
    } else {
      Exchange(dir, temp, target);
    }
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(temp, ignored);
    throw;
  }
  fs::remove_all(temp, ec);  // the old tree after a replacement; nothing after a creation
}

}  // namespace energon::gen
