#include "generator/filelist.h"

#include <fmt/format.h>

#include <cctype>

#include "generator/banner.h"

namespace energon::gen {

std::string FilelistName(const AccelDerived& derived) { return derived.top.prefix + "energon.f"; }

std::string Filelist(const AccelConfig& config, const AccelDerived& derived,
                     const std::vector<std::string>& rtl_paths) {
  std::string text = Banner(CommentStyle::kSlashes, "generator/filelist.cc", config, derived);
  text += "\n";
  for (const std::string& path : rtl_paths) text += path + "\n";
  return text;
}

std::string EnvFilelistName(const AccelDerived& derived) {
  return derived.top.prefix + "energon.env.f";
}

std::string RootVariable(const AccelDerived& derived) {
  std::string name = derived.top.prefix;  // [a-z][a-z0-9_]*_ (top_config.cc checks it)
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name + "DIR";
}

std::string EnvFilelist(const AccelConfig& config, const AccelDerived& derived,
                        const std::vector<std::string>& rtl_paths) {
  const std::string variable = RootVariable(derived);
  std::string text = Banner(CommentStyle::kSlashes, "generator/filelist.cc", config, derived);
  text += fmt::format(
      "\n// Set {0} to this folder, then from any folder e.g.\n"
      "//   {0}=DIR iverilog -g2012 -c DIR/{1}\n",
      variable, EnvFilelistName(derived));
  for (const std::string& path : rtl_paths) text += fmt::format("${{{}}}/{}\n", variable, path);
  return text;
}

}  // namespace energon::gen
