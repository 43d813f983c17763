#pragma once
// Command-line plumbing shared by the tools (energon-golden, energon-gen, energon-cosim): values
// that start with '-', one parsing style with one error message, and the exit-status contract
// of main().

#include <fmt/format.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <exception>
#include <initializer_list>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "golden/errors.h"

namespace energon::golden::cli {

/// argv[1..argc) with every option in `signed_options` joined to the value that follows it
/// ("--alpha -64,0" becomes "--alpha=-64,0"), since Boost.Program_options would take "-64,0"
/// for an option.
inline std::vector<std::string> JoinSignedValues(
    int argc, const char* const* argv, std::initializer_list<std::string_view> signed_options) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool takes_signed =
        std::find(signed_options.begin(), signed_options.end(), arg) != signed_options.end();
    if (takes_signed && i + 1 < argc && argv[i + 1][0] != '\0') {  // "" stays, to be refused
      args.push_back(arg + "=" + argv[++i]);
    } else {
      args.push_back(arg);
    }
  }
  return args;
}

/// The fix an empty value of one option gets in its message, e.g. {"output", "give the file to
/// write, e.g. --output out.npy"}; other options get "give a value or leave the option out".
using EmptyValueFixes = std::initializer_list<std::pair<std::string_view, std::string_view>>;

/// Parses `args` against `options` into `values`. Option names must be spelled in full (no
/// prefix guessing), so an option added later can never change what an old command means.
/// Refused, each as an InputError: what Boost refuses (pointing at `program --help`), a stray
/// positional argument (Boost would drop it silently, e.g. the "yes" of "--causal yes"), and an
/// empty value of any option ("--trace ''" would otherwise mean no trace).
inline boost::program_options::variables_map ParseArguments(
    const std::vector<std::string>& args,
    const boost::program_options::options_description& options, std::string_view program,
    EmptyValueFixes empty_fixes = {}) {
  namespace po = boost::program_options;
  po::variables_map values;
  try {
    const int style =
        po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
    const po::parsed_options parsed =
        po::command_line_parser(args).options(options).style(style).run();
    for (const po::option& option : parsed.options) {
      if (option.string_key.empty()) {  // a token no option takes
        throw InputError("command line",
                         fmt::format("'{}' is not an option; options start with -- and their "
                                     "values follow them, see {} --help",
                                     option.original_tokens.front(), program));
      }
    }
    po::store(parsed, values);
    po::notify(values);
  } catch (const po::error& e) {
    throw InputError("command line", fmt::format("{}; see {} --help", e.what(), program));
  }
  for (const auto& [name, value] : values) {
    const auto* text = boost::any_cast<std::string>(&value.value());
    // Switches such as --help hold an empty string too.
    const bool takes_value = options.find(name, false).semantic()->max_tokens() > 0;
    if (text == nullptr || !text->empty() || value.defaulted() || !takes_value) continue;
    std::string fix = fmt::format("give a value or leave the option out, see {} --help", program);
    for (const auto& [option, option_fix] : empty_fixes) {
      if (option == name) fix = option_fix;
    }
    throw InputError("--" + name, "is empty; " + fix);
  }
  return values;
}

/// The --help text: the option table as Boost prints it.
inline std::string HelpText(const boost::program_options::options_description& options) {
  std::ostringstream text;
  text << options;
  return text.str();
}

/// The body of every tool's main(): returns what `body` returns; a user error prints
/// "error: ..." and gives 2, anything else prints "error: internal: ..." and gives
/// `internal_status`.
template <typename Body>
int RunTool(Body&& body, int internal_status = 1) {
  try {
    return body();
  } catch (const InputError& e) {
    std::cerr << "error: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "error: internal: " << e.what() << '\n';
    return internal_status;
  }
}

}  // namespace energon::golden::cli
