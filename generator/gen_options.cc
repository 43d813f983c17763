#include "generator/gen_options.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <boost/program_options.hpp>
#include <climits>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string_view>
#include <vector>

#include "generator/config_text.h"
#include "generator/manifest.h"
#include "golden/errors.h"
#include "golden/files.h"
#include "golden/rounds.h"
#include "golden/tools/command_line.h"

namespace energon::gen {
namespace po = boost::program_options;
using golden::InputError;

namespace {

// The design options: accepted on the command line and as keys of a --config file.
constexpr std::array<const char*, 17> kDesignKeys = {
    "d",          "n-max",     "rounds",         "fu-lanes",
    "au-lanes",   "pv-lanes",  "fetch-rows",     "div-lanes",
    "fx",         "pb",        "fetch-ahead",    "prefix",
    "probes",     "mem-style", "sram-max-width", "sram-max-depth",
    "query-slots"};
constexpr const char* kDesignKeyList =
    "d, n-max, rounds, fu-lanes, au-lanes, pv-lanes, fetch-rows, div-lanes, fx, pb, "
    "fetch-ahead, prefix, probes, mem-style, sram-max-width, sram-max-depth, query-slots";

// Where each design value came from, so that an error names the input the user has to fix:
// "--d" for the command line, "configs/x.cfg: d" for a config file key.
class Sources {
 public:
  Sources(const po::variables_map& command_line, const po::variables_map& file,
          std::string file_name)
      : command_line_(command_line), file_(file), file_name_(std::move(file_name)) {}

  // The value of `key`, or nullopt when neither input gives one.
  [[nodiscard]] std::optional<std::string> Value(const char* key) const {
    if (command_line_.count(key) != 0) return command_line_[key].as<std::string>();
    if (file_.count(key) != 0) return file_[key].as<std::string>();
    return std::nullopt;
  }

  // Re-labels an error about option "--<key>" when that key's value came from the file.
  [[nodiscard]] InputError Relabel(const InputError& error) const {
    for (const char* key : kDesignKeys) {
      if (error.where() == fmt::format("--{}", key) && command_line_.count(key) == 0 &&
          file_.count(key) != 0) {
        const std::string message = std::string(error.what()).substr(error.where().size() + 2);
        return InputError(fmt::format("{}: {}", file_name_, key), message);
      }
    }
    return error;
  }

 private:
  const po::variables_map& command_line_;
  const po::variables_map& file_;
  std::string file_name_;
};

int ParseIntOption(const char* option, const std::string& text, int example) {
  long long value = 0;
  if (!golden::ParseInt(text, value)) {
    throw InputError(option,
                     fmt::format("'{}' is not a whole number; give one like {}", text, example));
  }
  if (value < INT_MIN || value > INT_MAX) {
    throw InputError(option,
                     fmt::format("{} is far out of range; give one like {}", text, example));
  }
  return static_cast<int>(value);
}

bool ParseOnOff(const std::string& text) {
  if (text == "on" || text == "true" || text == "1") return true;
  if (text == "off" || text == "false" || text == "0") return false;
  throw InputError("--probes",
                   fmt::format("'{}' is not on or off; use on or off (true/false and 1/0 also "
                               "work)",
                               text));
}

MemStyle ParseMemStyle(const std::string& text) {
  if (text == "behavioral") return MemStyle::kBehavioral;
  if (text == "blackbox") return MemStyle::kBlackbox;
  throw InputError("--mem-style",
                   fmt::format("'{}' is not a memory style; use behavioral or blackbox", text));
}

AccelConfig ResolveConfig(const Sources& sources) {
  AccelConfig config;
  if (auto v = sources.Value("d")) config.fu.d = ParseIntOption("--d", *v, 64);
  if (auto v = sources.Value("n-max")) config.fu.n_max = ParseIntOption("--n-max", *v, 512);
  if (auto v = sources.Value("rounds")) config.fu.rounds = golden::ParseRounds(*v, "--rounds");
  if (auto v = sources.Value("fu-lanes")) config.fu.fu_lanes = ParseIntOption("--fu-lanes", *v, 16);
  if (auto v = sources.Value("au-lanes")) config.au.au_lanes = ParseIntOption("--au-lanes", *v, 4);
  if (auto v = sources.Value("pv-lanes")) config.au.pv_lanes = ParseIntOption("--pv-lanes", *v, 4);
  if (auto v = sources.Value("fetch-rows")) {
    config.au.fetch_rows = ParseIntOption("--fetch-rows", *v, 4);
  }
  if (auto v = sources.Value("div-lanes"))
    config.au.div_lanes = ParseIntOption("--div-lanes", *v, 16);
  if (auto v = sources.Value("fx")) config.au.fx = ParseIntOption("--fx", *v, 8);
  if (auto v = sources.Value("pb")) config.au.pb = ParseIntOption("--pb", *v, 15);
  if (auto v = sources.Value("fetch-ahead")) {
    config.au.fetch_ahead = ParseIntOption("--fetch-ahead", *v, 4);
  }
  if (auto v = sources.Value("prefix")) {
    if (v->empty()) throw InputError("--prefix", "is empty; drop it for the default prefix");
    config.top.prefix = *v;
  }
  if (auto v = sources.Value("probes")) config.top.probes = ParseOnOff(*v);
  if (auto v = sources.Value("mem-style")) config.top.mem_style = ParseMemStyle(*v);
  if (auto v = sources.Value("sram-max-width")) {
    config.top.sram_max_width = ParseIntOption("--sram-max-width", *v, kDefaultSramMaxWidth);
  }
  if (auto v = sources.Value("sram-max-depth")) {
    config.top.sram_max_depth = ParseIntOption("--sram-max-depth", *v, kDefaultSramMaxDepth);
  }
  if (auto v = sources.Value("query-slots")) {
    config.top.query_slots = ParseIntOption("--query-slots", *v, 10);
  }
  return config;
}

// The design keys of a configuration file's text, read from `in`; `path` names the file in
// errors.
void ReadConfig(std::istream& in, const std::string& path, const po::options_description& design,
                po::variables_map& file_values) {
  try {
    po::store(po::parse_config_file(in, design, /*allow_unregistered=*/false), file_values);
  } catch (const po::unknown_option& e) {
    const std::string key = e.get_option_name();
    for (const char* command_line_only : {"out", "config", "print-config", "help", "version"}) {
      if (key == command_line_only) {
        throw InputError(path, fmt::format("'{}' belongs on the command line (--{}); config files "
                                           "hold the design keys {}",
                                           key, key, kDesignKeyList));
      }
    }
    throw InputError(path, fmt::format("unknown key '{}'; the keys are the long option names {}",
                                       key, kDesignKeyList));
  } catch (const po::multiple_occurrences& e) {
    std::string key = e.get_option_name();
    key.erase(0, key.find_first_not_of('-'));
    throw InputError(path, fmt::format("key '{}' is given more than once; keep one", key));
  } catch (const po::error& e) {
    throw InputError(path, fmt::format("{}; write one 'key = value' per line with the long "
                                       "option names as keys",
                                       golden::cli::BoostErrorText(e)));
  }
}

void ReadConfigFile(const std::string& path, const po::options_description& design,
                    po::variables_map& file_values) {
  // A folder opens as an empty stream (the default design, silently) and /dev/zero never ends.
  std::error_code ec;
  const std::filesystem::file_type type = std::filesystem::status(path, ec).type();
  if (!ec && type != std::filesystem::file_type::regular) {
    throw InputError("--config", fmt::format("'{}' is {}, not a regular file; give a configuration "
                                             "file, e.g. --config configs/default.cfg",
                                             path, golden::FileTypeName(type)));
  }
  std::ifstream in(path);
  if (!in) {
    throw InputError("--config", fmt::format("cannot read '{}'; check the path", path));
  }
  ReadConfig(in, path, design, file_values);
}

po::options_description DesignOptions() {
  po::options_description design("Design (docs/fu-microarchitecture.md)");
  // clang-format off
  design.add_options()
      ("d", po::value<std::string>(), "head dimension D, 1..1024 (default 64)")
      ("n-max", po::value<std::string>(), "maximum keys N_MAX, power of two 2..65536 (default 512)")
      ("rounds", po::value<std::string>(), "QBxKB per filtering round, 1 to 3 rounds, widths "
       "1..8 not decreasing (default 4x2,4x4)")
      ("fu-lanes", po::value<std::string>(), "keys scored per cycle, power of two 1..64, "
       "<= N_MAX (default 16)")
      ("au-lanes", po::value<std::string>(), "exact INT16 logits per cycle in the attention "
       "unit, 1..64 (default 4)")
      ("pv-lanes", po::value<std::string>(), "survivor rows accumulated into p*V per cycle, "
       "1..64 (default: --au-lanes)")
      ("fetch-rows", po::value<std::string>(), "keys per memory request, 1..--fu-lanes "
       "(default: min(--au-lanes, --fu-lanes))")
      ("div-lanes", po::value<std::string>(), "rounded divisions per cycle, 1..D "
       "(default: min(D, 16))")
      ("fx", po::value<std::string>(), "fraction bits of the softmax's log2 distance, 1..12 "
       "(EXP2 table of 2^FX entries; default 8)")
      ("pb", po::value<std::string>(), "precision bits of p: the row maximum has p = 2^PB, "
       "1..30 (default 15)")
      ("fetch-ahead", po::value<std::string>(), "query contexts between the AU's fetch and "
       "logit stages: how many queries the fetch runs ahead to hide memory latency, 2..16 "
       "(default 4)")
      ("prefix", po::value<std::string>(), "module prefix [a-z][a-z0-9_]*_ (default "
       "energon_d<D>_n<N>_l<L>_r<QBxKB_..>_a<A>[p<Pv>][f<F>][v<P>][c<C>][x<FX>b<PB>]_ plus q<S>_ "
       "for other query slots, np_ without probes, bb_ for blackbox memories)")
      ("probes", po::value<std::string>(), "per-round probe streams: on or off (default on)")
      ("mem-style", po::value<std::string>(), "behavioral memories, or blackbox: SRAM macros "
       "<prefix>sram_<depth>x<width>_1r1w with behavioral models in sram_models/ (default "
       "behavioral)")
      ("sram-max-width", po::value<std::string>(), "widest SRAM macro word, 1..1024; wider "
       "memories become banks side by side (default 128)")
      ("sram-max-depth", po::value<std::string>(), "most SRAM macro words, a power of two "
       "2..65536; deeper memories become banks selected by the high address bits (default "
       "4096)")
      ("query-slots", po::value<std::string>(), "query store slots: queries in flight before "
       "the AU's logit stage, 1..64 (default 3 R + 4)");
  // clang-format on
  return design;
}

// The configuration the command line and the file give (the command line wins), checked and
// derived; an error names the input its value came from.
void ResolveAndDerive(const po::variables_map& command_line, const po::variables_map& file_values,
                      const std::string& file_name, Options& options) {
  const Sources sources(command_line, file_values, file_name);
  try {
    options.config = ResolveConfig(sources);
    options.derived = Derive(options.config);
  } catch (const InputError& e) {
    throw sources.Relabel(e);
  }
}

}  // namespace

std::string VersionText() {
  return fmt::format("{} {} (manifest schema {})\n", kGeneratorName, GeneratorVersion(),
                     kManifestSchemaVersion);
}

Options ParseConfigFile(const std::string& path) {
  const char* argv[] = {"energon-gen", "--config", path.c_str(), "--print-config"};
  Options options;
  std::string unused;
  ParseCommandLine(4, argv, options, unused);
  return options;
}

Options ParseConfigText(const std::string& text, const std::string& name) {
  std::istringstream in(text);
  po::variables_map file_values;
  ReadConfig(in, name, DesignOptions(), file_values);
  Options options;
  ResolveAndDerive(po::variables_map(), file_values, name, options);
  return options;
}

Action ParseCommandLine(int argc, const char* const* argv, Options& options, std::string& text) {
  po::options_description general(
      "energon-gen: SystemVerilog for the Energon accelerator (filtering unit and attention "
      "unit), with its filelist, manifest, "
      "C++ params header, FuseSoC core and synthesis stubs (docs/generator.md).\n\n"
      "Usage:\n"
      "  energon-gen --config configs/default.cfg --out out/default\n"
      "  energon-gen --d 64 --n-max 512 --rounds 4x2,4x4 --fu-lanes 16 --out out/mine\n"
      "  energon-gen --config configs/default.cfg --print-config\n\n"
      "Options");
  // clang-format off
  general.add_options()
      ("help", "print this help and exit")
      ("version", "print the version and exit")
      ("config", po::value<std::string>(),
       "read design keys from an INI file (keys = the long option names below; the command "
       "line overrides them)")
      ("out", po::value<std::string>(),
       "output folder; created, or replaced when it holds an earlier energon-gen output")
      ("print-config", "print the resolved and derived parameters as JSON and write nothing");
  // clang-format on
  const po::options_description design = DesignOptions();
  po::options_description all;
  all.add(general).add(design);

  const po::variables_map command_line = golden::cli::ParseArguments(
      std::vector<std::string>(argv + 1, argv + argc), all, "energon-gen",
      {{"prefix", "drop it for the default prefix"},
       {"out", "give the output folder, e.g. --out out/default"},
       {"config", "give a configuration file, e.g. --config configs/default.cfg"}});
  if (command_line.count("help") != 0) {
    text = golden::cli::HelpText(all);
    return Action::kHelp;
  }
  if (command_line.count("version") != 0) {
    text = VersionText();
    return Action::kVersion;
  }

  po::variables_map file_values;
  std::string file_name;
  if (command_line.count("config") != 0) {
    file_name = command_line["config"].as<std::string>();
    ReadConfigFile(file_name, design, file_values);
  }
  ResolveAndDerive(command_line, file_values, file_name, options);

  if (command_line.count("print-config") != 0) return Action::kPrintConfig;
  if (command_line.count("out") == 0 || command_line["out"].as<std::string>().empty()) {
    throw InputError("--out",
                     "is missing; give the output folder, e.g. --out out/default, or "
                     "--print-config to only print the parameters");
  }
  options.out_dir = command_line["out"].as<std::string>();
  return Action::kGenerate;
}

}  // namespace energon::gen
