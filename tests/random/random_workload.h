#pragma once
// Seeded random workloads and run options for one accelerator configuration (docs/soak.md):
// synthetic workloads with random knobs, float32 and int16 .npy tensors (full-range codes,
// rows of -32768 and 32767, tied keys), one to three heads, causal masks, n_k from 1 to N_MAX,
// alphas including -256 and 256, random memory latencies and reset seeds. Each case runs twice:
// without stalls (every transfer in its predicted cycle) and with a stall seed.

#include <cstdint>
#include <string>
#include <vector>

#include "generator/accel_config.h"

namespace energon::randomized {

/// A .npy tensor of a case: [n, D] or [heads, n, D], float32 or int16.
struct NpyTensor {
  std::vector<std::size_t> shape;
  std::vector<float> floats;        ///< float32 tensors
  std::vector<std::int16_t> codes;  ///< int16 tensors
};

struct RandomCase {
  int index = 0;
  std::string description;  ///< one line: the workload and the run options
  /// energon-cosim's options of the case except --config, --stall-seed and outputs; .npy
  /// files are named inside the case's folder.
  std::vector<std::string> arguments;
  std::uint64_t stall_seed = 0;    ///< the stalled run's --stall-seed
  std::vector<NpyTensor> tensors;  ///< q, k, v for the .npy cases; empty for synthetic ones
};

/// Case `index` of the configuration drawn from `config_seed`, its files in `dir` (which
/// WriteCaseFiles fills). Sized so that one run is at most a few hundred thousand cycles.
RandomCase DrawCase(std::uint64_t config_seed, int index, const gen::AccelConfig& config,
                    const gen::AccelDerived& derived, const std::string& dir);

/// Writes the case's .npy files (q.npy, k.npy, v.npy) into `dir`; nothing for synthetic cases.
void WriteCaseFiles(const RandomCase& random_case, const std::string& dir);

/// The case's energon-cosim options (without --config) for the run without stalls or the one
/// with its stall seed.
std::vector<std::string> RunArguments(const RandomCase& random_case, bool stalled);

}  // namespace energon::randomized
