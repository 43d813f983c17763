#pragma once
// The model a co-simulation test binary was built for: each binary links one configuration's
// model and a generated definition of these functions (tests/sim/CMakeLists.txt).

#include <string>

#include "sim/dut.h"

namespace energon::sim::testing {

/// The configuration's Verilated model.
DutModel ModelUnderTest();

/// The configuration file it was generated from (absolute path).
std::string ConfigFileUnderTest();

}  // namespace energon::sim::testing
