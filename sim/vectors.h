#pragma once
// $readmemh vectors of one workload for the generated Icarus testbench
// (tb/<prefix>energon_tb.sv, docs/icarus.md): what the testbench drives, what the memory
// answers, and the output rows the golden model expects, for one configuration.
//
// DIR/heads.hex  32-bit words: the configuration tag (gen::ConfigTag), the head count, then
//                8 words per head: K rows, queries, n_k, causal, cfg_alpha_i (A_r as 10-bit
//                two's complement fields, round 1 in the low bits), softmax scale M, scale E, 0
// DIR/q.hex      int16 words (4 hex digits, two's complement): every head's query rows
// DIR/k.hex      every head's K rows: loaded through the K port and answered by the memory
// DIR/v.hex      every head's V rows, answered by the memory
// DIR/out.hex    the expected output rows, one per query
// Head after head, row after row, element t of a row at word t.

#include <string>

#include "golden/mp_mrf.h"
#include "golden/workload.h"
#include "sim/dut.h"

namespace energon::sim {

/// The files of a vectors folder, heads.hex first.
inline constexpr const char* kVectorFiles[] = {"heads.hex", "q.hex", "k.hex", "v.hex", "out.hex"};

/// Writes the vectors of `workload` under `run` for the configuration `shape` to `dir`,
/// all or nothing: into a fresh folder beside it, which then takes its place. An existing
/// `dir` must be empty or hold only vector files; otherwise nothing is written. Validates the
/// workload as the co-simulation does. Throws golden::InputError naming the input.
void WriteVectors(const std::string& dir, const FuShape& shape, const golden::Workload& workload,
                  const golden::RunParams& run);

}  // namespace energon::sim
