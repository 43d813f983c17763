#pragma once
// Command-line helper shared by the tools (energon-golden, energon-cosim): options whose value
// may start with '-' ("--alpha -64,0") are joined into "--alpha=-64,0" before Boost.Program_
// options sees them, since Boost would take "-64,0" for an option.

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace energon::golden::cli {

/// argv[1..argc) with every option in `signed_options` joined to the value that follows it.
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

}  // namespace energon::golden::cli
