#pragma once
// Renders the design's SystemVerilog: every RtlFile's embedded template with TemplateData()
// plus that file's banner.

#include <kainjow/mustache.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "generator/accel_config.h"
#include "generator/output_file.h"
#include "generator/rtl_design.h"

namespace energon::gen {

/// Where a design file goes in the output folder: "rtl/<module>.sv".
std::string RtlPath(const RtlFile& file);

/// Renders one template text. Output is not HTML-escaped ({{x}} and {{{x}}} print the same).
/// A template that does not parse, or that names a value `data` lacks, is a generator bug:
/// throws std::logic_error naming the template (`template_name`) and the problem.
std::string RenderTemplate(std::string_view template_name, std::string_view text,
                           const kainjow::mustache::data& data);

/// rtl/<module>.sv for every file of RtlFiles(), in filelist order.
std::vector<OutputFile> RenderRtl(const AccelConfig& config, const AccelDerived& derived);

}  // namespace energon::gen
