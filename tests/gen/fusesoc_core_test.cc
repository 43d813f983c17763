// The FuseSoC core's name and its simulation targets (check_core.py checks the whole structure of
// every named configuration's core as YAML).
#include "generator/fusesoc_core.h"

#include <gtest/gtest.h>

#include "generator/manifest.h"
#include "generator/rtl_design.h"
#include "generator/testbench.h"

namespace energon::gen {
namespace {

TEST(FusesocCoreTest, VlnvIsThePrefixAndTheGeneratorVersion) {
  AccelConfig config;
  EXPECT_EQ(CoreVlnv(Derive(config)),
            "energon:gen:energon_d64_n512_l16_r4x2_4x4_a4:" + std::string(GeneratorVersion()));
}

TEST(FusesocCoreTest, SimTargetsRunTheGeneratedTestbenchOnVectorsGivenAsPlusarg) {
  AccelConfig config;
  const AccelDerived derived = Derive(config);
  const std::string core = FusesocCore(config, derived, {"rtl/a.sv"});
  EXPECT_NE(core.find("  tb:\n    files:\n      - " + TestbenchPath(derived) +
                      "\n    file_type: systemVerilogSource\n"),
            std::string::npos);
  EXPECT_NE(core.find("  sim_verilator: &sim\n"
                      "    description: Verilator simulation of the self-checking testbench\n"
                      "    filesets:\n      - rtl\n      - tb\n    toplevel: " +
                      TestbenchModule(derived) + "\n    parameters:\n      - vectors\n"),
            std::string::npos);
  EXPECT_NE(core.find("  vectors:\n    datatype: str\n    paramtype: plusarg\n"),
            std::string::npos);
  EXPECT_NE(core.find("        mode: binary\n        verilator_options:\n          - --timing\n"),
            std::string::npos);
  EXPECT_NE(core.find("  sim_icarus:\n    <<: *sim\n"), std::string::npos);
  // lint and synth keep the design's own top.
  EXPECT_NE(core.find("  default: &default\n    filesets:\n      - rtl\n    toplevel: " +
                      TopModule(derived) + "\n"),
            std::string::npos);
}

}  // namespace
}  // namespace energon::gen
