#include "generator/rtl_render.h"

#include <fmt/format.h>

#include <set>
#include <stdexcept>

#include "generator/banner.h"
#include "generator/rtl_design.h"
#include "generator/template_text.h"

namespace energon::gen {
namespace mustache = kainjow::mustache;

namespace {

// A rendering context that remembers every name it could not resolve. Mustache prints nothing
// for an unknown name, which would turn a typo in a template into silently wrong RTL. (Section
// names may be absent: an absent {{#switch}} is off, the usual Mustache idiom; see
// SectionNames.)
class StrictContext : public mustache::context<std::string> {
 public:
  explicit StrictContext(const mustache::data* data) : mustache::context<std::string>(data) {}

  const mustache::data* get(const std::string& name) const override {
    const mustache::data* value = mustache::context<std::string>::get(name);
    if (value == nullptr) missing_.insert(name);
    return value;
  }

  [[nodiscard]] const std::set<std::string>& missing() const { return missing_; }

 private:
  mutable std::set<std::string> missing_;  // filled by the const get() the renderer calls
};

// The names opening a section ({{#name}}) or an inverted section ({{^name}}) in `text`.
std::set<std::string> SectionNames(std::string_view text) {
  std::set<std::string> names;
  for (std::size_t at = text.find("{{"); at != std::string_view::npos;
       at = text.find("{{", at + 2)) {
    if (at + 2 >= text.size() || (text[at + 2] != '#' && text[at + 2] != '^')) continue;
    const std::size_t end = text.find("}}", at);
    if (end == std::string_view::npos) break;
    std::string_view name = text.substr(at + 3, end - at - 3);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    names.emplace(name);
  }
  return names;
}

}  // namespace

std::string RtlPath(const RtlFile& file) { return fmt::format("rtl/{}.sv", file.module); }

std::string RenderTemplate(std::string_view template_name, std::string_view text,
                           const mustache::data& data) {
  const std::string where = fmt::format("rtl_templates/{}.sv.mustache", template_name);
  mustache::mustache tmpl{std::string(text)};
  if (!tmpl.is_valid()) {
    throw std::logic_error(fmt::format("{}: {}", where, tmpl.error_message()));
  }
  tmpl.set_custom_escape([](const std::string& s) { return s; });
  StrictContext context(&data);
  std::string rendered = tmpl.render(context);
  if (!tmpl.is_valid()) {
    throw std::logic_error(fmt::format("{}: {}", where, tmpl.error_message()));
  }
  const std::set<std::string> sections = SectionNames(text);
  for (const std::string& name : context.missing()) {
    if (sections.count(name) == 0) {
      throw std::logic_error(
          fmt::format("{}: TemplateData() has no value named '{}'", where, name));
    }
  }
  return rendered;
}

std::vector<OutputFile> RenderRtl(const AccelConfig& config, const AccelDerived& derived) {
  const mustache::data common = TemplateData(config, derived);
  std::vector<OutputFile> files;
  for (const RtlFile& file : RtlFiles(config, derived)) {
    const std::string source = fmt::format("rtl_templates/{}.sv.mustache", file.template_name);
    mustache::data data = common;
    data.set("banner", Banner(CommentStyle::kSlashes, source, config, derived));
    files.push_back({RtlPath(file),
                     RenderTemplate(file.template_name, TemplateText(file.template_name), data)});
  }
  return files;
}

}  // namespace energon::gen
