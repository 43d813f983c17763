#include "generator/filelist.h"

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

}  // namespace energon::gen
