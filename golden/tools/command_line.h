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
    if (takes_signed && i + 1 < argc) {
      args.push_back(arg + "=" + argv[++i]);
    } else {
      args.push_back(arg);
    }
  }
  return args;
}

/// Parses `args` against `options` into `values`. Option names must be spelled in full (no
/// prefix guessing), so an option added later can never change what an old command means. A
/// parse error becomes an InputError that points at `program --help`.
inline boost::program_options::variables_map ParseArguments(
    const std::vector<std::string>& args,
    const boost::program_options::options_description& options, std::string_view program) {
  namespace po = boost::program_options;
  po::variables_map values;
  try {
    const int style =
        po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
    po::store(po::command_line_parser(args).options(options).style(style).run(), values);
    po::notify(values);
  } catch (const po::error& e) {
    throw InputError("command line", fmt::format("{}; see {} --help", e.what(), program));
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
