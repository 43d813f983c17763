#include "generator/sdc.h"

#include <fmt/format.h>

#include <stdexcept>

#include "generator/banner.h"

namespace energon::gen {
namespace {

constexpr const char* kClockPort = "clk_i";
constexpr const char* kResetPort = "rst_ni";

}  // namespace

std::string SdcName(const AccelDerived& derived) { return derived.top.prefix + "energon.sdc"; }

bool IsQuasiStaticInput(const Port& port) {
  return port.input && port.name.rfind("cfg_", 0) == 0;
}

std::string Sdc(const AccelConfig& config, const AccelDerived& derived,
                const std::vector<Port>& ports) {
  bool has_clock = false, has_reset = false;
  std::string inputs, quasi_static, outputs;
  for (const Port& port : ports) {
    if (port.name == kClockPort) {
      has_clock = true;
    } else if (port.name == kResetPort) {
      has_reset = true;
    } else if (IsQuasiStaticInput(port)) {
      quasi_static += " " + port.name;
    } else if (port.input) {
      inputs += fmt::format("set_input_delay $INPUT_DELAY -clock clk [get_ports {}]\n", port.name);
    } else {
      outputs +=
          fmt::format("set_output_delay $OUTPUT_DELAY -clock clk [get_ports {}]\n", port.name);
    }
  }
  if (!has_clock || !has_reset) {
    throw std::logic_error(
        fmt::format("TopPorts() lacks {} or {}; the SDC needs both", kClockPort, kResetPort));
  }
  if (quasi_static.empty()) throw std::logic_error("TopPorts() has no cfg_* input");
  return fmt::format(
      "{banner}\n"
      "\n"
      "# Clock period in ns: set CLOCK_PERIOD before reading this file to change it.\n"
      "if {{![info exists CLOCK_PERIOD]}} {{ set CLOCK_PERIOD {period:.1f} }}\n"
      "create_clock -name clk -period $CLOCK_PERIOD [get_ports {clock}]\n"
      "# Before clock-tree synthesis: 5% of the period for jitter and skew on setup, 50 ps of\n"
      "# skew on hold (hold is fixed after the clock tree is built).\n"
      "set_clock_uncertainty -setup [expr {{0.05 * $CLOCK_PERIOD}}] [get_clocks clk]\n"
      "set_clock_uncertainty -hold 0.05 [get_clocks clk]\n"
      "\n"
      "# I/O budget: the logic outside the accelerator, on each side of a port, takes 30% of a\n"
      "# cycle; the accelerator's own paths from an input or to an output get the other 70%.\n"
      "set IO_BUDGET 0.3\n"
      "set INPUT_DELAY [expr {{$IO_BUDGET * $CLOCK_PERIOD}}]\n"
      "set OUTPUT_DELAY [expr {{$IO_BUDGET * $CLOCK_PERIOD}}]\n"
      "\n"
      "{inputs}"
      "\n"
      "{outputs}"
      "\n"
      "# Quasi-static configuration: these inputs change only while kload_ready_o is high (the\n"
      "# FU is idle) and at least two cycles before the next query_valid_i; the design reads\n"
      "# them only as a stage takes a query's job, never with a K row\n"
      "# (docs/synthesis.md, \"The constraints\"). Their paths get two cycles for setup; hold\n"
      "# is checked at the launching edge, as for any path.\n"
      "set CFG_INPUTS [get_ports {{{quasi_static}}}]\n"
      "set_input_delay $INPUT_DELAY -clock clk $CFG_INPUTS\n"
      "set_multicycle_path 2 -setup -from $CFG_INPUTS\n"
      "set_multicycle_path 1 -hold -from $CFG_INPUTS\n"
      "\n"
      "# {reset} is asynchronous (assertion); its release is synchronized outside: no path.\n"
      "set_false_path -from [get_ports {reset}]\n",
      fmt::arg("banner", Banner(CommentStyle::kHash, "generator/sdc.cc", config, derived)),
      fmt::arg("period", kDefaultClockPeriodNs), fmt::arg("clock", kClockPort),
      fmt::arg("reset", kResetPort), fmt::arg("inputs", inputs), fmt::arg("outputs", outputs),
      fmt::arg("quasi_static", quasi_static.substr(1)));
}

std::string OrfsConfig(const AccelConfig& config, const AccelDerived& derived,
                       const std::vector<std::string>& rtl_paths) {
  std::string files;
  for (const std::string& path : rtl_paths) files += fmt::format(" \\\n  $(ENERGON_OUT)/{}", path);
  return fmt::format(
      "{banner}\n"
      "\n"
      "# OpenROAD-flow-scripts design configuration (a starting point, not a closed flow):\n"
      "#   make -C <ORFS>/flow DESIGN_CONFIG=<this folder>/config.mk\n"
      "# ORFS has no osu018 platform; pick one it ships and fill in the lines marked TODO.\n"
      "ENERGON_OUT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/..)\n"
      "\n"
      "export DESIGN_NAME = {top}\n"
      "export DESIGN_NICKNAME = {nickname}\n"
      "# TODO: your platform (make keeps spaces before a comment, so none follows the value)\n"
      "export PLATFORM ?= sky130hd\n"
      "\n"
      "export VERILOG_FILES ={files}\n"
      "export SDC_FILE = $(ENERGON_OUT)/synth/{sdc}\n"
      "export ABC_CLOCK_PERIOD_IN_PS = {period_ps}\n"
      "\n"
      "# Memories: with --mem-style blackbox the RTL instantiates one macro per memory shape\n"
      "# (manifest.json \"memories\"); give the SRAM compiler's views of each here.\n"
      "# export ADDITIONAL_LEFS = ...   # TODO: one LEF per macro\n"
      "# export ADDITIONAL_LIBS = ...   # TODO: one Liberty per macro\n"
      "\n"
      "export CORE_UTILIZATION ?= 40\n"
      "export PLACE_DENSITY ?= 0.60\n",
      fmt::arg("banner", Banner(CommentStyle::kHash, "generator/sdc.cc", config, derived)),
      fmt::arg("top", TopModule(derived)), fmt::arg("nickname", derived.top.prefix + "energon"),
      fmt::arg("files", files), fmt::arg("sdc", SdcName(derived)),
      fmt::arg("period_ps", static_cast<int>(kDefaultClockPeriodNs * 1000)));
}

}  // namespace energon::gen
