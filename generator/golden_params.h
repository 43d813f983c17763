#pragma once
// What the golden model and its timing model take from one configuration, derived in this one
// place: the harness (sim/), the tests and the benchmarks build their golden::HwParams,
// FuTiming and AuTiming here instead of copying fields of AccelConfig and AccelDerived themselves.

#include "generator/accel_config.h"
#include "golden/accel_timing.h"
#include "golden/fu_timing.h"
#include "golden/mp_mrf.h"

namespace energon::gen {

struct GoldenParams {
  golden::HwParams hw;  ///< the MP-MRF arithmetic: the rounds' widths, FX, PB
  golden::FuTiming fu;  ///< the FU's schedule: lanes, every round's divider cycles
  golden::AuTiming au;  ///< the AU's schedule, with the run's memory latency
};

/// The golden model's parameters of a valid configuration (`derived` = Derive(config)); the
/// memory latency is the run's, not the configuration's.
GoldenParams GoldenParamsOf(const AccelConfig& config, const AccelDerived& derived,
                            int mem_latency);

}  // namespace energon::gen
