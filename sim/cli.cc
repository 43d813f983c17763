#include "sim/cli.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <boost/program_options.hpp>
#include <climits>
#include <filesystem>
#include <iostream>

#include "generator/config_text.h"
#include "generator/gen_options.h"
#include "golden/errors.h"
#include "golden/files.h"
#include "golden/npy.h"
#include "golden/rounds.h"
#include "golden/tools/command_line.h"
#include "golden/trace.h"
#include "sim/report.h"
#include "sim/vectors.h"

namespace energon::sim::cli {
namespace po = boost::program_options;
using golden::InputError;

namespace {

long long ParseWhole(const std::string& option, const std::string& text, long long lo, long long hi,
                     const char* example) {
  long long value = 0;
  if (!golden::ParseInt(text, value) || value < lo || value > hi) {
    throw InputError(option, fmt::format("'{}' is not a whole number in [{}, {}]; give one like {}",
                                         text, lo, hi, example));
  }
  return value;
}

// The configuration the file describes must be the one this program was built for: the same
// resolved configuration (every key, as energon-gen resolves it).
void CheckConfig(const std::string& path, const FuShape& shape) {
  const gen::Options parsed = gen::ParseConfigFile(path);
  if (gen::ConfigFileText(parsed.config, parsed.derived) !=
      gen::ConfigFileText(shape.config, shape.derived)) {
    throw InputError(
        "--config",
        fmt::format("{} describes the accelerator {} but this energon-cosim was built for {} "
                    "({}); run scripts/cosim --config {}, which builds the model "
                    "for it",
                    path, parsed.derived.top.prefix, shape.derived.top.prefix, shape.name, path));
  }
}

std::string Quote(const std::string& arg) {
  if (!arg.empty() && arg.find_first_of(" \t'\"$\\;&|<>()*?") == std::string::npos) return arg;
  std::string quoted = "'";
  for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace

Action ParseCommandLine(int argc, const char* const* argv, const FuShape& shape, Options& options,
                        std::string& text) {
  po::options_description desc(fmt::format(
      "energon-cosim: the Verilator model of one generated accelerator ({}) driven cycle by cycle "
      "and "
      "checked against the golden model (docs/cosim.md). Normally run through scripts/cosim, "
      "which builds this program for the configuration.\n\n"
      "Usage:\n"
      "  energon-cosim --config FILE --q Q.npy --k K.npy [--v V.npy] [options]\n"
      "  energon-cosim --config FILE [--synthetic n=64,seed=2] [options]\n\n"
      "Exit status: 0 everything matched, 1 mismatch, 2 bad input, 3 internal error.\n\n"
      "Options",
      shape.derived.top.prefix));
  std::string alpha, synthetic, stall_seed, reset_seed, window, watchdog, latency;
  std::string kload_at, config_at, reset_at;
  bool no_check = false;
  desc.add_options()("help", "print this help and exit")("version", "print the version and exit")(
      "config", po::value(&options.config_path),
      "the configuration file this model was built from (required)")(
      "q", po::value(&options.q_path),
      "queries, .npy [n, D] or [heads, n, D]: float32, float16 or int16")(
      "k", po::value(&options.k_path), "keys, .npy, same layout as --q; at most N_MAX rows")(
      "v", po::value(&options.v_path), "values, .npy, same layout as --q")(
      "synthetic", po::value(&synthetic),
      "synthetic workload knobs instead of files (docs/workloads.md); n and d default to the "
      "configuration's N_MAX and D")("alpha", po::value(&alpha),
                                     "A_r per round in [-256, 256]; default 0 per round")(
      "causal", po::bool_switch(&options.cosim.run.causal), "query i sees keys j <= i only")(
      "n-keys", po::value(&options.cosim.run.n_keys),
      "valid keys n_k; keys j >= n_k are masked (default: all K rows)")(
      "stall-seed", po::value(&stall_seed),
      "inject seeded random input gaps and output back-pressure; values and order must still "
      "match (without it, every transfer must happen in its predicted cycle)")(
      "reset-seed", po::value(&reset_seed),
      "seed of Verilator's reset randomization, 1..2147483647 (default 1)")(
      "trace-fst", po::value(&options.cosim.trace_path),
      "on a mismatch, write an FST trace of the cycles around it to this file")(
      "trace-window", po::value(&window),
      "cycles traced before the mismatch (a quarter as many after); default 200")(
      "watchdog", po::value(&watchdog),
      "cycles without any transfer that count as a hang (default: from the configuration)")(
      "no-check", po::bool_switch(&no_check),
      "drive the workload without checking (measures the bare model speed)")(
      "mem-latency", po::value(&latency),
      "cycles from a memory request to its response, 1..1000 (default 4; under --stall-seed "
      "a random extra of up to 3 times as much)")(
      "kload-at", po::value(&kload_at),
      "when a later head's first K row is offered: N (0..1000) cycles after kload_ready_o "
      "rises (default 1), or 'early': from the cycle after the previous head's last query, "
      "held until the FU takes it")(
      "config-at", po::value(&config_at),
      "a later head's cfg_* inputs change N (0..1000) cycles after kload_ready_o rises "
      "(default 0); its first query comes 2 cycles later at the earliest")(
      "vary-config", po::bool_switch(&options.vary_config),
      "later heads run other parameters: head h alpha (-1)^h A_r + 16 h, the causal mask "
      "toggled on odd heads, n_k - h keys")(
      "reset-at", po::value(&reset_at),
      "assert rst_ni in this cycle, in the middle of the traffic, then run the whole workload "
      "again, checked and timed from the release")(
      "output", po::value(&options.output_path),
      "write the output rows the RTL produced to this .npy file (int16, [heads, queries, D])")(
      "report-json", po::value(&options.report_path),
      "write the run's figures as JSON to this file (docs/cosim.md)")(
      "vectors", po::value(&options.vectors_dir),
      "write the workload's $readmemh vectors for the Icarus testbench to this folder "
      "(docs/icarus.md)");

  const std::vector<std::string> args = golden::cli::JoinSignedValues(argc, argv, {"--alpha"});
  const po::variables_map vm = golden::cli::ParseArguments(
      args, desc, "energon-cosim",
      {{"config",
        "give the configuration file the model was built from, e.g. --config "
        "configs/default.cfg"},
       {"output", "give the file to write, e.g. --output run.npy"},
       {"report-json", "give the file to write, e.g. --report-json run.json"},
       {"trace-fst", "give the FST file to write, e.g. --trace-fst fail.fst"},
       {"vectors", "give the folder to write, e.g. --vectors vec"}});
  if (vm.count("help") != 0) {
    text = golden::cli::HelpText(desc);
    return Action::kHelp;
  }
  if (vm.count("version") != 0) {
    text = fmt::format("energon-cosim {} for {} ({})\n", ENERGON_VERSION, shape.derived.top.prefix,
                       shape.build_flags);
    return Action::kVersion;
  }

  if (options.config_path.empty()) {
    throw InputError("--config",
                     "is missing; give the configuration file the model was built "
                     "from, e.g. --config configs/default.cfg");
  }
  CheckConfig(options.config_path, shape);

  const bool any_file = vm.count("q") + vm.count("k") + vm.count("v") != 0;
  if (any_file && vm.count("synthetic") != 0) {
    throw InputError("--synthetic",
                     "cannot be combined with --q/--k/--v; give files or a "
                     "synthetic spec, not both");
  }
  if (any_file) {
    for (const char* name : {"q", "k", "v"}) {
      if (vm.count(name) == 0) {
        throw InputError(fmt::format("--{}", name),
                         "is missing; --q, --k and --v go together (the attention unit reads "
                         "V)");
      }
    }
  } else {
    golden::SyntheticSpec defaults;
    defaults.n = shape.config.fu.n_max;
    defaults.d = shape.config.fu.d;
    options.synthetic = synthetic.empty()
                            ? defaults
                            : golden::ParseSyntheticSpec(synthetic, "--synthetic", defaults);
  }
  options.cosim.run.alpha =
      alpha.empty()
          ? std::vector<int>(static_cast<std::size_t>(shape.derived.fu.num_rounds), 0)
          : golden::ParseAlphas(alpha, static_cast<std::size_t>(shape.derived.fu.num_rounds));
  if (vm.count("n-keys") != 0 && options.cosim.run.n_keys < 1) {
    throw InputError("--n-keys",
                     fmt::format("n_k = {}; give at least 1 key", options.cosim.run.n_keys));
  }
  if (!stall_seed.empty()) {
    options.cosim.stall_seed =
        static_cast<std::uint64_t>(ParseWhole("--stall-seed", stall_seed, 0, LLONG_MAX, "7"));
  }
  if (!reset_seed.empty()) {
    options.cosim.reset_seed =
        static_cast<std::uint32_t>(ParseWhole("--reset-seed", reset_seed, 1, INT_MAX, "1"));
  }
  if (kload_at == "early") {
    options.cosim.kload_at = CosimOptions::kKloadEarly;
  } else if (!kload_at.empty()) {
    options.cosim.kload_at = static_cast<int>(
        ParseWhole("--kload-at", kload_at, 0, CosimOptions::kMaxDelay, "2 (or early)"));
  }
  if (!config_at.empty()) {
    options.cosim.config_at =
        static_cast<int>(ParseWhole("--config-at", config_at, 0, CosimOptions::kMaxDelay, "2"));
  }
  if (!reset_at.empty()) {
    options.cosim.reset_at = ParseWhole("--reset-at", reset_at, 0, LLONG_MAX, "100");
  }
  if (!latency.empty()) {
    options.cosim.mem_latency =
        static_cast<int>(ParseWhole("--mem-latency", latency, 1, 1000, "4"));
  }
  // Checked here as well as when written, so that a long run is not wasted on a bad path.
  for (const std::string* path :
       {&options.output_path, &options.report_path, &options.cosim.trace_path}) {
    if (!path->empty()) golden::CheckOutputPath(*path);
  }
  if (!window.empty())
    options.cosim.trace_window = ParseWhole("--trace-window", window, 1, 1000000, "200");
  if (!watchdog.empty())
    options.cosim.watchdog_cycles = ParseWhole("--watchdog", watchdog, 1, LLONG_MAX, "5000");
  options.cosim.check = !no_check;
  for (const char* name : {"stall-seed", "reset-seed", "trace-fst", "trace-window", "watchdog",
                           "no-check", "mem-latency", "output", "report-json", "kload-at",
                           "config-at", "vary-config", "reset-at"}) {
    if (vm.count(name) != 0 && !vm[name].defaulted()) {
      options.run_options.push_back(fmt::format("--{}", name));
    }
  }

  options.reproduce = "scripts/cosim";
  for (int i = 1; i < argc; ++i) options.reproduce += " " + Quote(argv[i]);
  if (!shape.fault.empty()) {
    options.reproduce += " --inject-fault tests/sim/faults/" + shape.fault + ".fault";
  }
  return Action::kRun;
}

FuShape ShapeOfConfig(const std::string& path) {
  return ShapeOf(std::filesystem::path(path).stem().string(), gen::ParseConfigFile(path));
}

namespace {

// The shape of the configuration that --config names (the last one given), or an empty shape
// without one: the command-line parse then reports the missing or unreadable --config itself.
FuShape ShapeOfConfigArgument(int argc, const char* const* argv) {
  FuShape shape;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    std::string path;
    if (arg == "--config" && i + 1 < argc) path = argv[i + 1];
    if (arg.rfind("--config=", 0) == 0) path = arg.substr(9);
    if (!path.empty()) shape = ShapeOfConfig(path);
  }
  return shape;
}

}  // namespace

int CheckArgumentsMain(int argc, const char* const* argv) {
  return golden::cli::RunTool(
      [&] {
        FuShape shape = ShapeOfConfigArgument(argc, argv);
        Options options;
        std::string text;
        if (ParseCommandLine(argc, argv, shape, options, text) == Action::kRun) {
          const golden::Workload workload = LoadWorkload(options);
          ValidateRun(shape, workload, CosimOptionsFor(options, workload, shape));
        }
        return kExitPass;
      },
      kExitInternal);
}

int VectorsMain(int argc, const char* const* argv) {
  return golden::cli::RunTool(
      [&] {
        FuShape shape = ShapeOfConfigArgument(argc, argv);
        Options options;
        std::string text;
        if (ParseCommandLine(argc, argv, shape, options, text) != Action::kRun) {
          std::cout << "energon-vectors: the golden model's $readmemh vectors of one workload "
                       "for the generated Icarus testbench (docs/icarus.md); no model is run.\n\n"
                       "Usage:\n"
                       "  energon-vectors --config FILE [--synthetic KNOBS | --q Q --k K --v V] "
                       "[--alpha A1,A2] [--causal] [--n-keys N] --vectors DIR\n\n"
                       "It takes energon-cosim's workload options; those only a model run uses "
                       "are refused. energon-cosim's text follows.\n\n"
                    << text;
          return kExitPass;
        }
        if (!options.run_options.empty()) {
          throw InputError(options.run_options.front(),
                           "only applies to a model run (energon-cosim); the testbench takes "
                           "+mem_latency=N and +stall_seed=S instead (docs/icarus.md)");
        }
        if (options.vectors_dir.empty()) {
          throw InputError("--vectors", "is missing; give the folder to write, e.g. --vectors vec");
        }
        WriteVectors(options.vectors_dir, shape, LoadWorkload(options), options.cosim.run);
        return kExitPass;
      },
      kExitInternal);
}

golden::Workload LoadWorkload(const Options& options) {
  if (options.synthetic) return golden::MakeSyntheticWorkload(*options.synthetic);
  return golden::LoadNpyWorkload(options.q_path, options.k_path, options.v_path, {1.0, 1.0, 1.0});
}

CosimOptions CosimOptionsFor(const Options& options, const golden::Workload& workload,
                             const FuShape& shape) {
  CosimOptions cosim = options.cosim;
  if (options.vary_config) {
    if (workload.heads.size() < 2) {
      throw InputError("--vary-config",
                       "changes the configuration between heads, and the workload has one "
                       "head; give two or more (--synthetic heads=2)");
    }
    ValidateWorkload(shape, workload, cosim.run);
    cosim.head_runs =
        VariedHeadRuns(cosim.run, static_cast<int>(workload.heads.size()), workload.num_keys());
  }
  return cosim;
}

int Run(const Options& options, const DutModel& model, std::ostream& out) {
  const golden::Workload workload = LoadWorkload(options);
  if (!options.vectors_dir.empty()) {
    WriteVectors(options.vectors_dir, model.shape, workload, options.cosim.run);
  }
  CosimOptions cosim = CosimOptionsFor(options, workload, model.shape);
  cosim.progress = [](std::int64_t cycle, int outputs, int queries) {
    fmt::print(stderr, "cosim: cycle {}, {} of {} output rows\n", cycle, outputs, queries);
  };
  const CosimResult result = RunCosim(model, workload, cosim);
  const RunLabel label{options.config_path, workload.source, options.reproduce};
  fmt::print(out, "{}", FormatSummary(result, model.shape, cosim, label));
  if (!result.passed)
    fmt::print(out, "\n{}", FormatMismatchReport(result, model.shape, cosim, label));
  if (!options.output_path.empty()) {
    golden::WriteOutputsNpy(options.output_path, result.outputs,
                            static_cast<std::size_t>(model.shape.config.fu.d));
  }
  if (!options.report_path.empty()) {
    golden::WriteFileAtomically(options.report_path,
                                ReportJson(result, model.shape).dump(2) + "\n");
  }
  return result.passed ? kExitPass : kExitMismatch;
}

int Main(int argc, const char* const* argv, const DutModel& model) {
  return golden::cli::RunTool(
      [&] {
        Options options;
        std::string text;
        switch (ParseCommandLine(argc, argv, model.shape, options, text)) {
          case Action::kHelp:
          case Action::kVersion:
            std::cout << text;
            return kExitPass;
          case Action::kRun:
            return Run(options, model, std::cout);
        }
        return kExitInternal;
      },
      kExitInternal);
}

}  // namespace energon::sim::cli
