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
#include <map>
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

namespace detail {

// Boost 1.74's error_with_option_name::what() replaces each %placeholder% until none is left,
// so a value that holds its own placeholder (an option named --x%canonical_option%, a
// configuration line reading %invalid_line%) is replaced again and again: what() never returns
// and the message grows until memory runs out. This renders the same template with each
// placeholder of the template replaced once, never looking into the values it inserted.
class BoostMessage : private boost::program_options::error_with_option_name {
 public:
  explicit BoostMessage(const boost::program_options::error_with_option_name& source)
      : boost::program_options::error_with_option_name(source) {}

  [[nodiscard]] std::string Text() const {
    std::map<std::string, std::string> values = m_substitutions;
    values["canonical_option"] = get_canonical_option_name();
    values["prefix"] = get_canonical_option_prefix();
    // Boost's own replacements for missing values (e.g. "the option" for a nameless one), fixed
    // texts that hold no placeholder.
    std::string text = m_error_template;
    for (const auto& [name, replacement] : m_substitution_defaults) {
      if (!values[name].empty()) continue;
      for (std::size_t at = text.find(replacement.first); at != std::string::npos;
           at = text.find(replacement.first, at + replacement.second.size())) {
        text.replace(at, replacement.first.size(), replacement.second);
      }
    }
    std::string message;
    std::size_t start = 0;
    while (start < text.size()) {
      const std::size_t open = text.find('%', start);
      const std::size_t close = open == std::string::npos ? open : text.find('%', open + 1);
      const auto value = close == std::string::npos
                             ? values.end()
                             : values.find(text.substr(open + 1, close - open - 1));
      if (value == values.end()) {  // no placeholder from here, or a lone '%'
        const std::size_t end = open == std::string::npos ? text.size() : open + 1;
        message += text.substr(start, end - start);
        start = end;
        continue;
      }
      message += text.substr(start, open - start) + value->second;
      start = close + 1;
    }
    return message;
  }
};

}  // namespace detail

/// The text of a Boost.Program_options error, as what() gives it, without what()'s endless loop
/// on values that hold a placeholder (detail::BoostMessage).
inline std::string BoostErrorText(const boost::program_options::error& error) {
  const auto* named = dynamic_cast<const boost::program_options::error_with_option_name*>(&error);
  return named != nullptr ? detail::BoostMessage(*named).Text() : error.what();
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
    throw InputError("command line", fmt::format("{}; see {} --help", BoostErrorText(e), program));
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
