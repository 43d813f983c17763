#pragma once
// energon-golden's command line: parsing into options (testable without a process) and the run.

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "golden/mp_mrf.h"
#include "golden/synthetic.h"

namespace energon::golden::cli {

struct Options {
  std::string q_path, k_path, v_path;
  std::array<double, 3> scales{1.0, 1.0, 1.0};
  std::optional<SyntheticSpec> synthetic;  ///< set when no files are given
  HwParams hw;
  RunParams run;
  std::string trace_path;
  std::string output_path;  ///< --output: the HW outputs as .npy, as energon-cosim writes them
  bool sweep = false;
  std::vector<int> alpha_grid{-128, -64, -32, 0, 32, 64, 128};
};

/// What the command line asks for: run, or print help/version and stop.
enum class Action { kRun, kHelp, kVersion };

/// Parses argv; throws InputError for every bad input. Fills `options` for Action::kRun and
/// `text` with the help or version text otherwise.
Action ParseCommandLine(int argc, const char* const* argv, Options& options, std::string& text);

/// Runs the model and prints the report to `out`. Throws InputError for bad input.
void Run(const Options& options, std::ostream& out);

}  // namespace energon::golden::cli
