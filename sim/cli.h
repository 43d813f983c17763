#pragma once
// energon-cosim's command line: one program per configuration (scripts/cosim builds it), whose
// main() hands its DutModel to Main(). Parsing is testable without a process.

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "golden/synthetic.h"
#include "golden/workload.h"
#include "sim/cosim.h"
#include "sim/dut.h"

namespace energon::sim::cli {

/// Exit statuses of energon-cosim.
inline constexpr int kExitPass = 0;      ///< every transfer matched
inline constexpr int kExitMismatch = 1;  ///< the RTL disagreed with the golden model
inline constexpr int kExitBadInput = 2;  ///< an option, file or value broke a rule
inline constexpr int kExitInternal = 3;  ///< the harness itself failed

struct Options {
  std::string config_path;
  std::string q_path, k_path, v_path;
  std::string output_path;  ///< --output: the RTL's output rows as .npy
  std::string report_path;  ///< --report-json
  std::string vectors_dir;  ///< --vectors: the Icarus testbench's vectors of this workload
  /// The options given that only a model run uses (--stall-seed, --output, ...), as typed.
  std::vector<std::string> run_options;
  std::optional<golden::SyntheticSpec> synthetic;  ///< set when no files are given
  CosimOptions cosim;
  bool vary_config = false;  ///< --vary-config: cosim.head_runs from VariedHeadRuns
  std::string reproduce;     ///< the command line, for the report
};

enum class Action { kRun, kHelp, kVersion };

/// Parses argv against the model's shape (defaults such as the synthetic D come from it) and
/// checks that --config describes the configuration this program was built for. Throws
/// golden::InputError naming the input, the value, the rule and a fix.
Action ParseCommandLine(int argc, const char* const* argv, const FuShape& shape, Options& options,
                        std::string& text);

/// The shape a model built from the configuration file at `path` has: energon-gen's rules
/// and derived widths, named after the file. Throws golden::InputError for a bad file.
FuShape ShapeOfConfig(const std::string& path);

/// energon-cosim's input checks without a model (energon-cosim-args, which scripts/cosim runs
/// before it builds one): the command line against the shape of the configuration --config
/// names, then the workload. Prints nothing and returns kExitPass when all is well; prints the
/// error and returns kExitBadInput otherwise.
int CheckArgumentsMain(int argc, const char* const* argv);

/// energon-vectors: the command line of energon-cosim against the shape of the configuration
/// --config names, with --vectors DIR required and no option that only a model run uses;
/// writes the vectors (sim/vectors.h) and returns kExitPass, or prints the error and returns
/// kExitBadInput.
int VectorsMain(int argc, const char* const* argv);

/// Loads the workload the options name (files or synthetic). Throws golden::InputError.
golden::Workload LoadWorkload(const Options& options);

/// The co-simulation options of a run of `workload`: options.cosim, with --vary-config's head
/// parameters. Throws golden::InputError when they do not fit the workload.
CosimOptions CosimOptionsFor(const Options& options, const golden::Workload& workload,
                             const FuShape& shape);

/// Runs the co-simulation, prints the summary (and the first mismatch) to `out`; returns
/// kExitPass or kExitMismatch. Throws golden::InputError for bad input.
int Run(const Options& options, const DutModel& model, std::ostream& out);

/// The whole program: parse, run, print; returns the exit status.
int Main(int argc, const char* const* argv, const DutModel& model);

}  // namespace energon::sim::cli
