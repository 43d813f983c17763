#pragma once
// The banner every generated file opens with: generated-do-not-edit, the source it came from,
// the resolved parameters and the command that regenerates it. No dates, host names or paths,
// so identical input gives identical bytes.

#include <string>
#include <string_view>

#include "generator/accel_config.h"

namespace energon::gen {

/// "// " for SystemVerilog and C++, "# " for Yosys, SDC, FuseSoC and filelists.
enum class CommentStyle { kSlashes, kHash };

/// The banner lines, each starting with the comment marker, joined by '\n' with no newline
/// after the last one. `source` is the template or generator file the text came from, e.g.
/// "rtl_templates/fu_top.sv.mustache".
std::string Banner(CommentStyle style, std::string_view source, const AccelConfig& config,
                   const AccelDerived& derived);

}  // namespace energon::gen
