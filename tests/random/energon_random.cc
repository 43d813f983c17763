// energon-random: the random configurations and workloads of scripts/soak (docs/soak.md).
//
//   energon-random config --seed S --out FILE [--bound soak|ci]
//   energon-random cases --config FILE --seed S --count K --dir DIR
#include <fmt/format.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "generator/gen_options.h"
#include "golden/errors.h"
#include "golden/files.h"
#include "golden/rounds.h"
#include "golden/tools/command_line.h"
#include "tests/random/random_config.h"
#include "tests/random/random_workload.h"

namespace energon::randomized {
namespace {

namespace po = boost::program_options;
using golden::InputError;

constexpr const char* kUsage =
    "energon-random: seeded random accelerator configurations and workloads for the "
    "random-configuration regression (scripts/soak, docs/soak.md).\n\n"
    "Usage:\n"
    "  energon-random config --seed S --out FILE [--bound soak|ci]\n"
    "      draws configuration S (energon-gen's rules, within the size bound) into FILE and\n"
    "      prints its knobs\n"
    "  energon-random cases --config FILE --seed S --count K --dir DIR\n"
    "      draws K workloads of configuration FILE (drawn from seed S) into DIR/<i>/: their\n"
    "      .npy files and timed.args, stalled.args (energon-cosim options, one a line, without\n"
    "      --config); prints one line per case\n\n"
    "Options";

std::uint64_t ParseSeed(const std::string& text) {
  long long value = 0;
  if (!golden::ParseInt(text, value) || value < 0) {
    throw InputError("--seed",
                     fmt::format("'{}' is not a whole number 0..2^63-1; give one like 17", text));
  }
  return static_cast<std::uint64_t>(value);
}

int ParseCount(const std::string& text) {
  long long value = 0;
  if (!golden::ParseInt(text, value) || value < 1 || value > 1000) {
    throw InputError("--count",
                     fmt::format("'{}' is not a whole number 1..1000; give one like 8", text));
  }
  return static_cast<int>(value);
}

const std::string& Required(const po::variables_map& values, const char* name,
                            const char* example) {
  if (values.count(name) == 0) {
    throw InputError(fmt::format("--{}", name),
                     fmt::format("is missing; give it, e.g. --{} {}", name, example));
  }
  return values[name].as<std::string>();
}

int WriteConfig(const po::variables_map& values) {
  const std::uint64_t seed = ParseSeed(Required(values, "seed", "17"));
  const std::string out = Required(values, "out", "seed17.cfg");
  const SizeBound bound =
      BoundNamed(values.count("bound") != 0 ? values["bound"].as<std::string>() : "soak");
  golden::CheckOutputPath(out);
  const DrawnConfig drawn = DrawConfig(seed, bound);
  // Left untouched when it already holds the text, so that the models built from it in the
  // test build are not rebuilt each time energon-random is relinked.
  std::ifstream existing(out, std::ios::binary);
  const std::string old(std::istreambuf_iterator<char>(existing), {});
  if (!existing.is_open() || old != drawn.text) golden::WriteFileAtomically(out, drawn.text);
  std::string rejected;
  for (const auto& [where, count] : drawn.rejections) {
    rejected += fmt::format("{}{} {}", rejected.empty() ? "" : ", ", where, count);
  }
  fmt::print("{} (draw {}{})\n", KnobSummary(drawn.options.config, drawn.options.derived),
             drawn.draws, rejected.empty() ? "" : "; refused " + rejected);
  return 0;
}

std::string ArgsFileText(const std::vector<std::string>& args) {
  std::string text;
  for (const std::string& arg : args) text += arg + "\n";
  return text;
}

int WriteCases(const po::variables_map& values) {
  const std::string config_path = Required(values, "config", "seed17.cfg");
  const std::uint64_t seed = ParseSeed(Required(values, "seed", "17"));
  const int count = ParseCount(Required(values, "count", "8"));
  const std::string dir = Required(values, "dir", "cases");
  const gen::Options config = gen::ParseConfigFile(config_path);
  const std::string root = std::filesystem::absolute(dir).lexically_normal().string();
  for (int i = 0; i < count; ++i) {
    const std::string case_dir = fmt::format("{}/{}", root, i);
    std::filesystem::create_directories(case_dir);
    const RandomCase c = DrawCase(seed, i, config.config, config.derived, case_dir);
    WriteCaseFiles(c, case_dir);
    golden::WriteFileAtomically(case_dir + "/timed.args", ArgsFileText(RunArguments(c, false)));
    golden::WriteFileAtomically(case_dir + "/stalled.args", ArgsFileText(RunArguments(c, true)));
    fmt::print("case {}: {}\n", i, c.description);
  }
  return 0;
}

int Main(int argc, const char* const* argv) {
  po::options_description options(kUsage);
  // clang-format off
  options.add_options()
      ("help", "print this help and exit")
      ("seed", po::value<std::string>(), "the configuration's seed, 0..2^63-1")
      ("bound", po::value<std::string>(), "config: the size bound, soak (default) or ci")
      ("out", po::value<std::string>(), "config: the configuration file to write")
      ("config", po::value<std::string>(), "cases: the configuration file drawn from --seed")
      ("count", po::value<std::string>(), "cases: how many, 1..1000")
      ("dir", po::value<std::string>(), "cases: the folder to write them into");
  // clang-format on
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "--help" || mode == "-h") {
    std::cout << golden::cli::HelpText(options);
    return 0;
  }
  if (mode != "config" && mode != "cases") {
    throw InputError("command line",
                     fmt::format("'{}' is not a mode; start with config or cases, see "
                                 "energon-random --help",
                                 mode));
  }
  const po::variables_map values = golden::cli::ParseArguments(
      std::vector<std::string>(argv + 2, argv + argc), options, "energon-random");
  if (values.count("help") != 0) {
    std::cout << golden::cli::HelpText(options);
    return 0;
  }
  const std::vector<std::string> allowed =
      mode == "config" ? std::vector<std::string>{"seed", "bound", "out"}
                       : std::vector<std::string>{"seed", "config", "count", "dir"};
  for (const auto& entry : values) {
    if (std::find(allowed.begin(), allowed.end(), entry.first) == allowed.end()) {
      throw InputError(fmt::format("--{}", entry.first),
                       fmt::format("does not belong to mode {}; see energon-random --help", mode));
    }
  }
  return mode == "config" ? WriteConfig(values) : WriteCases(values);
}

}  // namespace
}  // namespace energon::randomized

int main(int argc, char** argv) {
  return energon::golden::cli::RunTool([&] { return energon::randomized::Main(argc, argv); });
}
