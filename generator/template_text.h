#pragma once
// The text of rtl_templates/*.sv.mustache, embedded into the binary at build time by
// generator/embed_templates.cmake, so energon-gen works from any folder.

#include <string_view>
#include <vector>

namespace energon::gen {

/// The text of rtl_templates/<name>.sv.mustache. Throws std::out_of_range for a name that was
/// not embedded (a build problem, not a user error).
std::string_view TemplateText(std::string_view name);

/// The names of every embedded template, sorted.
std::vector<std::string_view> TemplateNames();

}  // namespace energon::gen
