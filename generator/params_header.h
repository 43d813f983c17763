#pragma once
// <prefix>params.h: every resolved and derived parameter as C++ constants, for the harness and
// the golden timing model, so that software and the generated RTL cannot drift apart.

#include <string>

#include "generator/accel_config.h"

namespace energon::gen {

/// The header's file name: <prefix>params.h.
std::string ParamsHeaderName(const AccelDerived& derived);

/// The C++ namespace of the header's constants: energon::generated::<prefix without its '_'>,
/// so headers of different configurations can be included together.
std::string ParamsNamespace(const AccelDerived& derived);

/// The header text. Standalone C++20: includes only <array> and <string_view>.
std::string ParamsHeader(const AccelConfig& config, const AccelDerived& derived);

}  // namespace energon::gen
