// An Energon accelerator in a user's program, two ways:
//   1. the bare Verilated top (Vexample_accel.h): reset, a few clock cycles, its outputs read;
//   2. the co-simulation harness (example_accel_dut.h, sim/cosim.h): one query of a synthetic
//      workload through the accelerator, every transfer checked against the golden model.
// Exit status 0 when both worked.
#include <cstdint>
#include <cstdio>
#include <memory>

#include "Vexample_accel.h"
#include "example_accel_dut.h"
#include "golden/synthetic.h"
#include "sim/cosim.h"
#include "verilated.h"

namespace {

// Reset, then `cycles` clock cycles with every valid input low: the accelerator must come out
// of reset idle and ready to load K rows.
bool RunBareTop(int cycles) {
  auto context = std::make_unique<VerilatedContext>();
  auto top = std::make_unique<Vexample_accel>(context.get());
  top->clk_i = 0;
  top->rst_ni = 0;
  top->kload_valid_i = 0;
  top->query_valid_i = 0;
  top->mem_req_ready_i = 0;
  top->mem_rsp_valid_i = 0;
  top->out_ready_i = 1;
  top->eval();
  for (int half = 0; half < 2 * (cycles + 2); ++half) {
    if (half == 4) top->rst_ni = 1;  // two cycles of reset
    top->clk_i = !top->clk_i;
    context->timeInc(1);
    top->eval();
  }
  const bool ok = top->idle_o == 1 && top->kload_ready_o == 1 && top->out_valid_o == 0;
  std::printf("bare top: %d cycles after reset: idle_o=%d kload_ready_o=%d out_valid_o=%d: %s\n",
              cycles, top->idle_o, top->kload_ready_o, top->out_valid_o, ok ? "ok" : "FAIL");
  top->final();
  return ok;
}

// One query of a seeded synthetic workload, checked cycle for cycle.
bool RunOneQuery() {
  const energon::sim::DutModel model = energon::sim::models::example_accel_fu::Model();
  energon::golden::SyntheticSpec spec;
  spec.n = model.shape.config.fu.n_max;
  spec.nq = 1;
  spec.d = model.shape.config.fu.d;
  spec.seed = 1;
  energon::sim::CosimOptions options;
  options.run.alpha.assign(static_cast<std::size_t>(model.shape.derived.fu.num_rounds), 0);
  const energon::sim::CosimResult result =
      energon::sim::RunCosim(model, energon::golden::MakeSyntheticWorkload(spec), options);
  std::printf("one query: %d keys, D = %d: %lld cycles, %lld transfers checked: %s\n", spec.n,
              spec.d, static_cast<long long>(result.cycles),
              static_cast<long long>(result.transfers_checked), result.passed ? "PASS" : "FAIL");
  if (!result.passed && !result.mismatches.empty()) {
    const energon::sim::Mismatch& first = result.mismatches.front();
    std::printf("first mismatch: cycle %lld, %s.%s: expected %s, got %s\n",
                static_cast<long long>(first.cycle), first.stream.c_str(), first.field.c_str(),
                first.expected.c_str(), first.actual.c_str());
  }
  return result.passed;
}

}  // namespace

int main() {
  const bool bare = RunBareTop(8);
  const bool query = RunOneQuery();
  return bare && query ? 0 : 1;
}
