#pragma once
// Helpers shared by the generator tests: error capture, argv building, file trees.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "generator/gen_options.h"
#include "golden/errors.h"
#include "tests/common/error_of.h"

namespace energon::gen::testing {

using energon::ErrorOf;

/// configs/<name>.cfg in the source tree.
inline std::string ConfigPath(const std::string& name) {
  return std::string(ENERGON_CONFIGS_DIR) + "/" + name + ".cfg";
}

/// The named configurations of configs/, the degenerate ones included.
inline const std::vector<std::string>& NamedConfigs() {
  static const std::vector<std::string> kNames = {"default", "tiny_1lane", "single_round",
                                                  "wide_3round", "small_nmax"};
  return kNames;
}

/// A GoogleTest name for a configuration name: "tiny_1lane" -> "tiny1lane".
inline std::string TestNameOf(std::string name) {
  name.erase(std::remove(name.begin(), name.end(), '_'), name.end());
  return name;
}

/// ParseCommandLine over `args` (without the program name).
inline Action Parse(const std::vector<std::string>& args, Options& options,
                    std::string* text = nullptr) {
  std::vector<const char*> argv = {"energon-gen"};
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  std::string ignored;
  return ParseCommandLine(static_cast<int>(argv.size()), argv.data(), options,
                          text != nullptr ? *text : ignored);
}

/// The options a configuration file resolves to.
inline Options Load(const std::string& config_name) {
  Options options;
  Parse({"--config", ConfigPath(config_name), "--print-config"}, options);
  return options;
}

inline std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void WriteText(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

/// Every regular file below `root`: relative '/'-path -> contents.
inline std::map<std::string, std::string> ReadTree(const std::filesystem::path& root) {
  std::map<std::string, std::string> tree;
  if (!std::filesystem::exists(root)) return tree;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      tree[entry.path().lexically_relative(root).generic_string()] = ReadText(entry.path());
    }
  }
  return tree;
}

/// The names of the entries directly in `dir`, sorted.
inline std::vector<std::string> Entries(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace energon::gen::testing
