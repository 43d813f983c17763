#pragma once
// energon-gen's command line and configuration files, parsed into a validated AccelConfig.
// Testable without a process: nothing here touches the output folder.

#include <string>

#include "generator/accel_config.h"

namespace energon::gen {

/// What the command line asks for.
enum class Action {
  kGenerate,     ///< write the output folder
  kPrintConfig,  ///< print the resolved and derived parameters as JSON, write nothing
  kHelp,         ///< print `text` and stop
  kVersion,      ///< print `text` and stop
};

struct Options {
  AccelConfig config;    ///< resolved: command line over --config file over defaults
  AccelDerived derived;  ///< Derive(config), so every rule has been checked
  std::string out_dir;   ///< --out, required for Action::kGenerate
};

/// Parses argv (and the --config file it names) and checks every rule. Throws
/// golden::InputError naming the option, or the file and key, with the value, the rule and a
/// fix. Fills `options` for kGenerate and kPrintConfig, `text` for kHelp and kVersion.
Action ParseCommandLine(int argc, const char* const* argv, Options& options, std::string& text);

/// The configuration file at `path`, resolved and checked by energon-gen's own rules (as
/// `energon-gen --config path --print-config`). Throws golden::InputError for a bad file.
Options ParseConfigFile(const std::string& path);

/// The text of a configuration file (e.g. ConfigFileText's, which the params header carries as
/// kConfigText), resolved and checked by the same rules; `name` stands for the file in errors.
/// Throws golden::InputError.
Options ParseConfigText(const std::string& text, const std::string& name);

/// "energon-gen 0.1.0 (manifest schema 2)".
std::string VersionText();

}  // namespace energon::gen
